<?php

/**
 * passrotate password driver for Roundcube's password plugin.
 *
 * Changes the mailbox password through a running `passrotate serve`, and lets Roundcube show
 * passrotate's policy: its requirement lines above the form (strength_rules) and every broken
 * rule, in the user's language, when a new password is refused (check_strength, save). The
 * service verifies the current password, enforces the policy, hashes the new password for the
 * mail server, and logs the mailbox out everywhere (web sessions, Dovecot IMAP/POP).
 *
 * Install: copy this file to plugins/password/drivers/passrotate.php, then in config.inc.php:
 *
 *   $config['password_driver']           = 'passrotate';
 *   $config['password_strength_driver']  = 'passrotate';
 *   $config['password_minimum_score']    = 2;    // makes Roundcube call check_strength
 *   $config['password_minimum_length']   = 0;    // the policy's own length rule is listed instead
 *   $config['password_passrotate_url']   = 'http://127.0.0.1:8690';
 *   $config['password_passrotate_secret_file'] = '/etc/passrotate/panel-secret';
 *   // or: $config['password_passrotate_secret'] = '…';
 *   // HTTP client options (timeouts, CA file) go in $config['password_http_client'].
 *
 * Copyright (c) the passrotate authors. MIT licence.
 */

class rcube_passrotate_password
{
    /** Score given to a password the policy accepts (Roundcube's scale is 1 to 5). */
    const STRONG = 5;

    /** Score given to a password the policy refuses. */
    const WEAK = 1;

    /**
     * Changes the password: passrotate checks the current one, the policy, then saves and revokes.
     *
     * @param string $curpass  Current password
     * @param string $newpass  New password
     * @param string $username Login username (the full address)
     *
     * @return int|array PASSWORD_SUCCESS, or ['code' => PASSWORD_*, 'message' => reason]
     */
    public function save($curpass, $newpass, $username)
    {
        $answer = $this->call('POST', '/api/change', [
            'account'         => $username,
            'currentPassword' => $curpass,
            'newPassword'     => $newpass,
            'confirmation'    => $newpass,
            'client'          => rcube_utils::remote_ip(),
            'locale'          => $this->locale(),
        ]);

        if ($answer === null || $answer['status'] >= 500) {
            return PASSWORD_CONNECT_ERROR;
        }

        $body = $answer['body'];

        if ($answer['status'] == 200 && !empty($body['ok'])) {
            return PASSWORD_SUCCESS;
        }

        $code = isset($body['code']) ? $body['code'] : '';

        if ($code == 'policy_violation' && !empty($body['violations'])) {
            return ['code' => PASSWORD_CONSTRAINT_VIOLATION, 'message' => $this->sentences($body['violations'])];
        }

        return [
            'code'    => PASSWORD_ERROR,
            'message' => isset($body['message']) ? (string) $body['message'] : '',
        ];
    }

    /**
     * Checks a new password against passrotate's policy before it is saved.
     *
     * @param string $passwd The new password
     *
     * @return array [score, reason]: the reason lists every broken rule in the user's language
     */
    public function check_strength($passwd)
    {
        $answer = $this->call('POST', '/api/check', [
            'password' => $passwd,
            'account'  => password::username('%u'),
            'locale'   => $this->locale(),
        ]);

        // Without an answer let save() report the outage instead of blaming the password.
        if ($answer === null || $answer['status'] != 200) {
            return [self::STRONG, null];
        }

        $body = $answer['body'];

        if (!empty($body['ok'])) {
            return [self::STRONG, null];
        }

        $violations = isset($body['violations']) && is_array($body['violations']) ? $body['violations'] : [];

        return [self::WEAK, rcube::Q($this->sentences($violations))];
    }

    /**
     * The policy's requirement lines, shown above the password form.
     *
     * @return array HTML-safe lines
     */
    public function strength_rules()
    {
        $answer = $this->call('GET', '/api/policy?locale=' . urlencode($this->locale()), null);

        if ($answer === null || $answer['status'] != 200 || empty($answer['body']['requirements'])) {
            return [];
        }

        $lines = [];

        foreach ($answer['body']['requirements'] as $requirement) {
            if (isset($requirement['text'])) {
                $lines[] = rcube::Q((string) $requirement['text']);
            }
        }

        return $lines;
    }

    /**
     * The bundled passrotate locale closest to the user's Roundcube language (e.g. de_DE → de).
     */
    private function locale()
    {
        $language = (string) rcmail::get_instance()->get_user_language();

        return strtolower(substr($language, 0, 2)) ?: 'en';
    }

    /**
     * The messages of a violation list as one line.
     */
    private function sentences(array $violations)
    {
        $messages = [];

        foreach ($violations as $violation) {
            if (isset($violation['message'])) {
                $messages[] = (string) $violation['message'];
            }
        }

        return implode(' ', $messages);
    }

    /**
     * Sends one request to the service with the shared secret as the HTTP Basic password.
     *
     * @return array|null ['status' => int, 'body' => array], or null when the service is unreachable
     *                    or misconfigured (the reason goes to Roundcube's error log, never a password)
     */
    private function call($method, $path, $json)
    {
        $rcmail = rcmail::get_instance();
        $url    = rtrim((string) $rcmail->config->get('password_passrotate_url'), '/');
        $secret = $this->secret();

        if ($url === '' || $secret === null) {
            $this->fail('set password_passrotate_url and password_passrotate_secret (or _secret_file)');
            return null;
        }

        $options = [
            'auth'        => ['roundcube', $secret],
            'http_errors' => false,
            'headers'     => ['Accept' => 'application/json'],
        ];

        if ($json !== null) {
            $options['json'] = $json;
        }

        try {
            $response = password::get_http_client()->request($method, $url . $path, $options);
        }
        catch (Exception $e) {
            $this->fail('cannot reach the service: ' . get_class($e));
            return null;
        }

        $status = $response->getStatusCode();
        $body   = json_decode((string) $response->getBody(), true);

        if (!is_array($body)) {
            $this->fail("unexpected answer (HTTP $status) from $path");
            return null;
        }

        return ['status' => $status, 'body' => $body];
    }

    /**
     * The shared secret: password_passrotate_secret, or the first line of password_passrotate_secret_file.
     */
    private function secret()
    {
        $config = rcmail::get_instance()->config;
        $secret = $config->get('password_passrotate_secret');

        if (empty($secret) && ($file = $config->get('password_passrotate_secret_file'))) {
            $text   = @file_get_contents($file);
            $secret = $text === false ? null : trim(strtok($text, "\n"));
        }

        return empty($secret) ? null : (string) $secret;
    }

    private function fail($reason)
    {
        rcube::raise_error([
                'code' => 600, 'file' => __FILE__, 'line' => __LINE__,
                'message' => "Password plugin (passrotate): $reason",
            ], true, false
        );
    }
}
