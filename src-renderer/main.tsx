import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TeamProvider } from './features/team/TeamProvider';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TeamProvider>
      <App />
    </TeamProvider>
  </StrictMode>,
);
