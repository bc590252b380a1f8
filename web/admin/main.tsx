import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './admin.css';
import { AdminApp } from './admin-app.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('The admin page has no #root element');
createRoot(root).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
