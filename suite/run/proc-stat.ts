// /proc/<pid>/stat is "pid (comm) state ppid ...". The command name may hold spaces and parentheses,
// so the fields are counted from the last ")".

/** The fields of a stat line from field 3 (state) on: field N (proc(5)'s numbering) is at index N - 3. */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
}
