import { DEFAULT_CONFIG } from '../config/default.js';
import type { Config } from '../config/schema.js';
import { evaluationLevel, wholePercent } from './targets.js';
import type { TargetLines, TargetResult } from './types.js';

/** 高崎市 女性のためのつながり相談（累計）: the title the seed writes over its table. */
export function seedTitle(config: Pick<Config, 'municipality' | 'program'>): string {
  return `${[config.municipality, config.program].filter((s) => s.trim() !== '').join(' ')}（累計）`;
}

/** 65% for 0.65; a dash when there is no rate (a target of 0, or a hidden result). */
export function percentText(achievement: number | null): string {
  return achievement === null ? '—' : `${wholePercent(achievement)}%`;
}

/** 13回（見込）; the suppression symbol (x) when the result is hidden. */
export function resultText(result: number | null, unit: string, projected: boolean, symbol = 'x'): string {
  return `${result ?? symbol}${unit}${projected ? '（見込）' : ''}`;
}

/**
 * What the level reached says after 「評価：」: its own sentence, else the default's sentence for a
 * level of the same label (a config that only moves the thresholds keeps the seed's wording), else
 * the label. The level is the one the achievement reached, not the first with its label.
 */
function evaluationSentence(t: TargetResult, levels: Config['evaluation']): string {
  const level = evaluationLevel(t.achievement, levels);
  const label = level?.label ?? t.evaluation ?? '';
  const fallback = DEFAULT_CONFIG.evaluation.find((l) => l.label === label)?.sentence;
  return level?.sentence ?? fallback ?? `${label}。`;
}

/** The seed's two lines for a target: 「…：目標20回、結果：13回（見込）、達成度：65%」 and 「評価：概ね達成された。」. */
export function targetLines(t: TargetResult, levels: Config['evaluation'], symbol = 'x'): TargetLines {
  return {
    id: t.id,
    line: `${t.label}：目標${t.target}${t.unit}、結果：${resultText(t.result, t.unit, t.projected, symbol)}、達成度：${percentText(t.achievement)}`,
    evaluation: `評価：${t.evaluation === null ? '—' : evaluationSentence(t, levels)}`,
  };
}
