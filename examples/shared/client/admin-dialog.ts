/**
 * @module Browser script of the admin panel: opens the server-rendered edit dialog as a modal,
 * closes it on Cancel/Escape, and submits the domain picker on change.
 */
const dialog = document.querySelector<HTMLDialogElement>('dialog[data-edit-dialog]');
if (dialog) {
  if (dialog.open) dialog.close();
  dialog.showModal();
  const back = dialog.dataset.closeHref ?? '/users';
  const leave = (): void => {
    window.location.assign(back);
  };
  dialog.addEventListener('cancel', leave);
  for (const button of dialog.querySelectorAll('[data-action="close"]')) {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      leave();
    });
  }
}

const picker = document.querySelector<HTMLSelectElement>('select[data-autosubmit]');
picker?.addEventListener('change', () => picker.form?.requestSubmit());
