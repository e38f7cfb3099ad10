/**
 * What App.tsx mounts for teams: `<TeamProvider>` around the app (it runs the team controller
 * and gives the conflict badges their desk) and `<TeamChip />` in the top bar. Two lines in
 * App.tsx; everything else stays in this folder.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useColourMeanings } from '../highlights/palette';
import { TeamContext } from './team-context';
import { TeamMenu, type TeamControls } from './TeamMenu';
import { useTeam } from './use-team';

const ControlsContext = createContext<TeamControls | null>(null);

export function TeamProvider(props: { children: ReactNode }) {
  const { controls, desk } = useTeam();
  return (
    <ControlsContext.Provider value={controls}>
      <TeamContext.Provider value={desk}>{props.children}</TeamContext.Provider>
    </ControlsContext.Provider>
  );
}

/** The sync chip and the team dialog, inside a TeamProvider. */
export function TeamChip() {
  const controls = useContext(ControlsContext);
  const meanings = useColourMeanings();
  return controls ? <TeamMenu team={controls} colourNames={meanings} /> : null;
}
