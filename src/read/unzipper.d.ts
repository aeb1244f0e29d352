/** The part of unzipper (exceljs's own unzip library) this tool uses: the central directory's sizes. */
declare module 'unzipper' {
  export const Open: {
    file(path: string): Promise<{ files: { path: string; compressedSize: number; uncompressedSize: number }[] }>;
  };
}
