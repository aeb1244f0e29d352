import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
const f = process.argv[2];
const t = performance.now();
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(readFileSync(f));
let rows = 0; wb.worksheets[0].eachRow(() => rows++);
console.log(f, statSync(f).size, 'rows', rows, 'ms', Math.round(performance.now()-t), 'rssMB', Math.round(process.resourceUsage().maxRSS/1024));
