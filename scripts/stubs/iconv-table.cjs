// Stands in for an iconv-lite DBCS table the tool never decodes with (only CP932 is read).
throw new Error('tsup-report: this iconv-lite encoding table is not bundled (only CP932 is read)');
