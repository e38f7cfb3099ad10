import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TeamProvider } from './features/team/TeamProvider';
import { teamSync } from './sync/desk-sync';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TeamProvider>
      <App />
    </TeamProvider>
  </StrictMode>,
);
// Team sync, if this profile joined a team; without one, nothing leaves the machine.
void teamSync.start();
