/** Every `readout` sub-command. A new command is one module and one line here. */
import { briefCommand } from './brief';
import type { Command } from './command';
import { importCommand } from './import';
import { meetingsCommand } from './meetings';
import { teamCommand } from './team';

export const commands: Command[] = [importCommand, meetingsCommand, briefCommand, teamCommand];
