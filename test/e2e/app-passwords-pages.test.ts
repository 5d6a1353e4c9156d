import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

/** The app password shown on a page, or `undefined`. */
const shownPassword = (body: string) => /<code class="app-password"[^>]*>([^<]*)<\/code>/.exec(body)?.[1];
/** The device names in the list, in order. */
const listedDevices = (body: string) => {
  const table = /<table class="data-table app-password-list">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '';
  return [...table.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((match) => match[1]);
};
/** The id the Revoke button of `device` posts. */
const revokeId = (body: string, device: string) =>
  new RegExp(`<tr><td>${device}</td>[\\s\\S]*?name="id" value="([^"]+)"`).exec(body)?.[1] ?? '';
/** The text of the first notice on a page, or `undefined`. */
const notice = (body: string) => /<div class="notice[^>]*>\s*<p>([^<]*)<\/p>/.exec(body)?.[1];

describe('Devices and app passwords in the webmail and the user panel (HTTP)', () => {
  let demo: TestDemo;
  beforeAll(async () => {
    demo = await startTestDemo();
  });
  afterAll(() => demo?.stop());

  it('webmail: creates an app password shown once (no-store), lists it, and revokes it', async () => {
    const webmail = new HttpClient(demo.urls.webmail);
    expect((await webmail.login('alice@example.org', DEMO_PASSWORD)).location).toBe('/');
    const account = await webmail.request('/account');
    expect(account.body).toContain('Devices and app passwords');
    expect(listedDevices(account.body)).toEqual([]);

    const created = await webmail.request('/account/app-passwords', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(account.body), deviceName: 'Phone' },
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const password = shownPassword(created.body);
    expect(password).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
    expect(created.setCookies.filter((line) => /_flash=/.test(line))).toEqual([]); // nothing kept for later
    expect(listedDevices(created.body)).toEqual(['Phone']);

    // A reload shows the device, never the password again.
    const reloaded = await webmail.request('/account');
    expect(reloaded.headers.get('cache-control')).toBe('no-store');
    expect(listedDevices(reloaded.body)).toEqual(['Phone']);
    expect(shownPassword(reloaded.body)).toBeUndefined();
    expect(reloaded.body).not.toContain(password);

    // The app password is for mail apps only: web sign-in refuses it, in both apps.
    expect((await new HttpClient(demo.urls.webmail).login('alice@example.org', password ?? '')).status).toBe(
      400,
    );
    expect(
      (await new HttpClient(demo.urls.userPanel).login('alice@example.org', password ?? '')).status,
    ).toBe(400);

    const revoked = await webmail.request('/account/app-passwords/revoke', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(reloaded.body), id: revokeId(reloaded.body, 'Phone') },
    });
    expect(revoked.status).toBe(303);
    const after = await webmail.request('/account');
    expect(notice(after.body)).toBe('The app password was revoked. Mail apps using it were disconnected.');
    expect(listedDevices(after.body)).toEqual([]);
    expect(notice((await webmail.request('/account')).body)).toBeUndefined(); // the notice shows once
  });

  it('refuses create and revoke posts without the CSRF token, changing nothing', async () => {
    const panel = new HttpClient(demo.urls.userPanel);
    expect((await panel.login('bob@example.org', DEMO_PASSWORD)).location).toBe('/');
    const page = await panel.request('/devices');
    expect(page.status).toBe(200);
    const forged = await panel.request('/devices', { method: 'POST', form: { deviceName: 'Attacker' } });
    expect(forged.status).toBe(403);
    expect(shownPassword(forged.body)).toBeUndefined();
    expect(listedDevices((await panel.request('/devices')).body)).toEqual([]);

    const made = await panel.request('/devices', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(page.body), deviceName: 'Laptop' },
    });
    expect(listedDevices(made.body)).toEqual(['Laptop']);
    const id = revokeId(made.body, 'Laptop');
    const forgedRevoke = await panel.request('/devices/revoke', { method: 'POST', form: { id } });
    expect(forgedRevoke.status).toBe(403);
    const wrongToken = await panel.request('/devices/revoke', {
      method: 'POST',
      form: { _csrf: 'not-the-token', id },
    });
    expect(wrongToken.status).toBe(403);
    expect(listedDevices((await panel.request('/devices')).body)).toEqual(['Laptop']);
  });

  it('user panel: lists, refuses a bad name and another account’s id, and revokes', async () => {
    const panel = new HttpClient(demo.urls.userPanel);
    await panel.login('carol@example.org', DEMO_PASSWORD);
    const page = await panel.request('/devices');
    expect(page.body).toContain('href="/devices"');
    const csrf = HttpClient.csrf(page.body);
    const blank = await panel.request('/devices', {
      method: 'POST',
      form: { _csrf: csrf, deviceName: '  ' },
    });
    expect(blank.status).toBe(400);
    expect(notice(blank.body)).toBe('Give the device a name of 1 to 64 characters.');

    const tablet = await panel.request('/devices', {
      method: 'POST',
      form: { _csrf: csrf, deviceName: 'Tablet <b>' },
    });
    expect(tablet.status).toBe(200);
    expect(tablet.headers.get('cache-control')).toBe('no-store');
    expect(shownPassword(tablet.body)).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
    expect(listedDevices(tablet.body)).toEqual(['Tablet &lt;b&gt;']); // escaped
    const id = revokeId(tablet.body, 'Tablet &lt;b&gt;');

    // Dave cannot revoke Carol's device by its id.
    const dave = new HttpClient(demo.urls.userPanel);
    await dave.login('dave@example.net', DEMO_PASSWORD);
    const davePage = await dave.request('/devices');
    await dave.request('/devices/revoke', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(davePage.body), id },
    });
    expect(notice((await dave.request('/devices')).body)).toBe('That app password does not exist any more.');
    expect(listedDevices((await panel.request('/devices')).body)).toEqual(['Tablet &lt;b&gt;']);

    const revoked = await panel.request('/devices/revoke', { method: 'POST', form: { _csrf: csrf, id } });
    expect(revoked.location).toBe('/devices');
    const after = await panel.request('/devices');
    expect(notice(after.body)).toBe('The app password was revoked. Mail apps using it were disconnected.');
    expect(listedDevices(after.body)).toEqual([]);
  });

  it('shows the section in the reader’s language', async () => {
    const panel = new HttpClient(demo.urls.userPanel);
    await panel.login('erin@example.net', DEMO_PASSWORD);
    const page = await panel.request('/devices', { headers: { 'accept-language': 'de' } });
    expect(page.body).toContain('Geräte und App-Passwörter');
    expect(page.body).toContain('App-Passwort erstellen');
  });
});
