/** The problems of a tarball's file list (missing entry points, types or CSS; shipped tests, server or kit files). */
export function tarballProblems(files: string[]): string[];
