import { render } from 'preact';
import { Worklist } from './Worklist.tsx';

const root = document.getElementById('app');
if (root) render(<Worklist />, root);
