// Terminal size for both screens: the given size (tests) or the output stream's, redrawn when it is resized.
import { useEffect, useReducer } from 'react';
import { useStdout } from 'ink';

export function useTerminalSize(size?: { columns: number; rows: number }): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    if (size || !stdout) return;
    const onResize = () => redraw();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, size]);
  return {
    columns: size?.columns ?? stdout?.columns ?? 80,
    rows: size?.rows ?? (stdout as { rows?: number } | undefined)?.rows ?? 24,
  };
}
