/** @module A minimal CSV reader for checking what the CLI writes. */

/**
 * Reads one RFC 4180 line (quoted fields, doubled quotes) back into fields.
 *
 * @example
 * ```ts
 * readCsvLine('a,"b,c"\r\n'); // ['a', 'b,c']
 * ```
 */
export function readCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        const c = line[i];
        if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i += 1;
          break;
        } else {
          field += c;
          i += 1;
        }
      }
    } else {
      while (i < line.length && line[i] !== ',' && !(line[i] === '\r' && line[i + 1] === '\n'))
        field += line[i++];
    }
    fields.push(field);
    if (line[i] === ',') i += 1;
    else return fields;
  }
}

/**
 * Undoes the CLI's spreadsheet-formula guard on one cell: `'=x` → `=x` (only before `=`, `+`, `-`,
 * `@`, tab or CR, the characters the guard prefixes).
 *
 * @example
 * ```ts
 * unguardCell("'-Pass1"); // '-Pass1'
 * ```
 */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
