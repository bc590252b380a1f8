import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './center.css';
import { CenterApp } from './center-app.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('The privacy center page has no #root element');
createRoot(root).render(
  <StrictMode>
    <CenterApp />
  </StrictMode>,
);
