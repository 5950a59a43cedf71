// « Analyser un fichier fournisseurs »: upload, progress from the job status, then the SPASER totals and the results.
import { ApiError, call, json } from './api.js';
import { alertBox, byId, clear, el, saveBlob, scrollingTable } from './dom.js';
import { formatInteger } from './format.js';
import { spaserChart, spaserTable } from './chart.js';

const pollEvery = 500;

export function setUpBulk() {
  const form = byId('bulk-form');
  const input = byId('bulk-file');
  const zone = byId('dropzone');
  const chosen = byId('bulk-chosen');
  const status = byId('bulk-status');
  const result = byId('bulk-result');
  const button = form.querySelector('button[type="submit"]');
  let file = null;

  const choose = picked => {
    file = picked ?? null;
    chosen.textContent = file ? `Fichier choisi : ${file.name} (${formatInteger(Math.ceil(file.size / 1024))} Kio)` : '';
  };
  input.addEventListener('change', () => choose(input.files[0]));
  zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('dragging');
    choose(event.dataTransfer.files[0]);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(result);
    if (!file) {
      result.append(alertBox('Aucun fichier', 'Choisissez ou déposez un fichier CSV ou XLSX.'));
      input.focus();
      return;
    }
    button.disabled = true;
    status.textContent = `Envoi de ${file.name}…`;
    try {
      let job = await json(`bulk?name=${encodeURIComponent(file.name)}`, {
        method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
      });
      while (job.state !== 'completed' && job.state !== 'failed') {
        showProgress(job);
        await new Promise(resolve => setTimeout(resolve, pollEvery));
        job = await json(`bulk/${job.jobId}`);
      }
      showProgress(job);
      status.textContent = job.state === 'completed' ? `Fichier traité : ${formatInteger(job.rowsTotal)} lignes.` : 'Le fichier n\'a pas pu être traité.';
      await showResult(job, result);
    } catch (error) {
      status.textContent = '';
      if (!(error instanceof ApiError)) throw error;
      result.append(alertBox(error.title, error.detail));
    } finally {
      button.disabled = false;
    }
  });
}

function showProgress(job) {
  byId('bulk-progress-zone').hidden = false;
  const progress = byId('bulk-progress');
  const finished = job.state === 'completed' || job.state === 'failed';
  const percent = finished ? 100 : job.rowsTotal > 0 ? Math.floor((100 * job.rowsDone) / job.rowsTotal) : 0;
  progress.value = percent;
  progress.setAttribute('aria-valuetext', `${percent} %`);
  byId('bulk-progress-text').textContent =
    `${job.stateLabel.charAt(0).toUpperCase()}${job.stateLabel.slice(1)} : ${formatInteger(job.rowsDone)} lignes sur ${formatInteger(job.rowsTotal)} (${percent} %)`;
}

const fileName = output => output.name.split('/').pop();

async function download(job, output) {
  const response = await call(`bulk/${job.jobId}/files/${encodeURIComponent(fileName(output))}`);
  saveBlob(await response.blob(), fileName(output));
}

async function showResult(job, result) {
  if (job.error) result.append(alertBox('Fichier refusé', job.error.message));
  if (job.outputs) {
    const summary = await json(`bulk/${job.jobId}/files/${encodeURIComponent(fileName(job.outputs.summary))}`);
    result.append(el('h2', { text: 'Totaux SPASER' }));
    if (summary.highlights?.length) result.append(el('ul', {}, summary.highlights.map(text => el('li', { text }))));
    if (summary.spaser) result.append(spaserChart(summary), spaserTable(summary));
    result.append(el('h2', { text: 'Résultats' }));
    const buttons = [
      ['Télécharger le CSV annoté', job.outputs.csv],
      ['Télécharger le classeur XLSX', job.outputs.xlsx],
      ['Télécharger la synthèse (JSON)', job.outputs.summary],
    ].filter(([, output]) => output).map(([label, output]) => {
      const button = el('button', { type: 'button', class: 'secondary', 'data-file': fileName(output), text: label });
      button.addEventListener('click', () => download(job, output).catch(error => result.append(alertBox(error.title ?? 'Erreur', error.detail ?? String(error)))));
      return button;
    });
    result.append(el('div', { class: 'actions' }, buttons));
  }
  if (job.notes?.length) result.append(el('h2', { text: 'Remarques' }), el('ul', {}, job.notes.map(text => el('li', { text }))));
  if (job.errors?.length) {
    result.append(scrollingTable(`Lignes sans verdict (${formatInteger(job.rowsInError)})`,
      el('thead', {}, el('tr', {}, ['Ligne', 'Numéro', 'Motif'].map(title => el('th', { scope: 'col', text: title })))),
      el('tbody', {}, job.errors.map(row => el('tr', {},
        el('td', { class: 'number', text: row.line ?? '' }), el('td', { text: row.identifier ?? '' }), el('td', { text: row.message }))))));
  }
}
