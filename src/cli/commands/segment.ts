// Placeholder until the issue that owns this command lands; replaced by the real command.
import { BitextError } from '../../errors.js';
import type { Command } from '../context.js';

const command: Command = {
  name: 'segment',
  summary: '',
  async run() {
    throw new BitextError('USAGE', 'bitext segment is not available yet in this build');
  },
};
export default command;
