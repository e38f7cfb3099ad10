/** Commands the desktop menu sends to the page (main → renderer, one-way). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['import-files', 'import-folder'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
