/** The problems of a tarball's file list (missing entry points, types or CSS; shipped tests or server files). */
export function tarballProblems(files: string[], pkg: { bin?: Record<string, string> }): string[];
