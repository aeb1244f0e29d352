import ExcelJS from 'exceljs';
const n = Number(process.argv[2]);
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `/tmp/exp/rows${n}.xlsx`, useSharedStrings: true });
const ws = wb.addWorksheet('記録');
ws.addRow(['受付番号','受付日','受付方法','主訴','対応結果','年代','相談員','備考']).commit();
const ch=['電話','来所','メール'], ca=['家庭問題','生活問題','その他'];
for (let i=0;i<n;i++) ws.addRow([`A${i}`, new Date(Date.UTC(2021, 3+ (i%12), 1+(i%28))), ch[i%3], ca[i%3], '助言', '30代', '佐藤', `メモ${i%100}`]).commit();
ws.commit(); await wb.commit();
