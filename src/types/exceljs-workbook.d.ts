declare module 'exceljs/lib/doc/workbook.js' {
  const Workbook: typeof import('exceljs').Workbook;
  export default Workbook;
}
