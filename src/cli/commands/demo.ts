// Placeholder until the issue that owns this command lands; replaced by the real command.
import { BitextError } from '../../errors.js';
import type { Command } from '../context.js';

const command: Command = {
  name: 'demo',
  summary: '',
  async run() {
    throw new BitextError('USAGE', 'bitext demo is not available yet in this build');
  },
};
export default command;
