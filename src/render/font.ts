/**
 * The font every workbook the tool writes names in every style (reports, template, annotated copy).
 * ＭＳ Ｐゴシック ships with every Japanese Windows since 95 and with Office for Mac, so any Excel a
 * council has shows the sheet as laid out here, and its compact line height keeps the rows as tall
 * as the files set them. LibreOffice maps the name to a Japanese gothic (IPAPGothic, VL PGothic,
 * Noto Sans CJK) instead of the serif it falls back to for a style that names no font. family 3
 * and charset 128 (Shift_JIS) are what Japanese Excel writes with it.
 */
export const JAPANESE_FONT = { name: 'ＭＳ Ｐゴシック', family: 3, charset: 128, size: 11 } as const;
