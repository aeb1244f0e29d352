/**
 * How the tool's own outputs are recognised when they are found among the logs later (a report
 * or an annotated copy saved next to them): reports and annotated copies carry OUTPUT_MARKER in
 * their document properties (keywords, which Excel keeps when it re-saves; LibreOffice keeps the
 * words but may change what separates them, so the marker is matched loosely), and a CSV
 * report's first line names the tool with CSV_MARKER.
 */
export const OUTPUT_MARKER = 'tsup-report-output';
export const CSV_MARKER = '作成: tsup-report';

export function carriesOutputMarker(keywords: string): boolean {
  return /tsup-report\W*output/iu.test(keywords);
}
