/** Every `readout` sub-command. A new command is one module and one line here. */
import type { Command } from './command';
import { importCommand } from './import';

export const commands: Command[] = [importCommand];
