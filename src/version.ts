/** The tool version written into file headers (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'bitext';
