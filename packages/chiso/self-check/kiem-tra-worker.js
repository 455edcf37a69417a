// A module worker for the self-check: if it runs, the browser and the page's policy let chiso's workers start.
export const ok = true;
postMessage('ok');
