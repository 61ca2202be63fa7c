#!/usr/bin/env python3
# The soak: socketeer's long-running parts under churn from this machine only (loopback), with the
# socket layer's fault injection armed (SOCKETEER_FAULTS), watched for anything that grows.
#   soak.py --socketeer PATH [--minutes M] [--faults SPEC] [--keep]
# Runs, each as its own `socketeer` process:
#   serve --model event-loop --echo, serve --model thread-per-client --echo, udp --echo,
#   inbox "steady" (never killed) and inbox "crashy" (SIGKILLed and restarted all along).
# Load (bounded loops in threads, every socket with a timeout): echo round trips, connect and
# disconnect churn, RST mid-transfer (SO_LINGER 0), half-close, slow readers, clients that never
# read, datagram floods, SMTP deliveries, two whole transactions in one write, SMTP clients that
# pipeline commands and never read, SMTP senders killed mid-DATA (the socket closed or reset, or
# the sending process SIGKILLed).
# Fails (exit 1, naming every reason) when:
#   - descriptors or threads of a process are not back to their idle level once the load stops;
#   - RSS trends upward: the median of the last third of the loaded run exceeds the first third's
#     by more than 32 MiB + 25% (what bounded buffers may hold when the machine gets busier);
#   - an echo or an accepted message is wrong or missing, a server stops answering, a process
#     dies or does not exit 0 on SIGTERM;
#   - a stored message is half a message (every .eml, checked as soon as it is listed and again
#     at the end, must be a whole message whose body is exactly what was sent), an accepted or
#     announced message is not on disk, or (steady inbox) a stored message was not announced
#     exactly once.
import argparse
import email
import email.policy
import hashlib
import os
import random
import re
import signal
import smtplib
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid

MIB = 1024 * 1024


def log(*words):
    print(time.strftime('%H:%M:%S'), *words, flush=True)


class Failures:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = {}

    def add(self, key, detail):
        with self.lock:
            count, first = self.items.get(key, (0, detail))
            self.items[key] = (count + 1, first)


failures = Failures()
stop = threading.Event()
counts = {}
counts_lock = threading.Lock()


def count(name, n=1):
    with counts_lock:
        counts[name] = counts.get(name, 0) + n


def longest(name, value):
    with counts_lock:
        counts[name] = max(counts.get(name, 0), round(value, 1))


# ---------------------------------------------------------------- socketeer processes

class Socketeer:
    """One socketeer process: its first stdout line gives the port; later lines go to on_line."""

    def __init__(self, name, exe, arguments, workdir, faults, on_line=None, first_word=b'listening'):
        self.name = name
        self.exe = exe
        self.arguments = arguments
        self.workdir = workdir
        self.faults = faults
        self.on_line = on_line
        self.first_word = first_word
        self.incarnation = 0
        self.proc = None
        self.port = None

    def start(self):
        self.incarnation += 1
        env = dict(os.environ, LC_ALL='C', LANGUAGE='', QT_QPA_PLATFORM='offscreen')
        if self.faults:
            env['SOCKETEER_FAULTS'] = self.faults
        errors = open(os.path.join(self.workdir, '%s-%d.stderr' % (self.name, self.incarnation)), 'wb')
        self.proc = subprocess.Popen([self.exe] + self.arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=errors, env=env)
        errors.close()
        line = self.proc.stdout.readline()
        words = line.split()
        if not line.startswith(self.first_word) or not words[-1].isdigit():
            raise RuntimeError('%s did not start: %r (see %s-%d.stderr)' % (self.name, line, self.name, self.incarnation))
        self.port = int(words[-1])
        threading.Thread(target=self._read, args=(self.proc,), daemon=True).start()
        return self

    def _read(self, proc):
        # Every line is read at once, so socketeer never waits on its stdout.
        for line in proc.stdout:
            if self.on_line:
                self.on_line(line)

    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)

    def terminate(self):
        """SIGTERM; the exit status (None: it had to be killed)."""
        if self.proc.poll() is not None:
            return self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def sample(pid):
    """(descriptors, threads, RSS in bytes) of a process, or None if it is gone."""
    try:
        fds = len(os.listdir('/proc/%d/fd' % pid))
        threads = len(os.listdir('/proc/%d/task' % pid))
        with open('/proc/%d/status' % pid) as f:
            rss = next(int(line.split()[1]) * 1024 for line in f if line.startswith('VmRSS:'))
        return fds, threads, rss
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return None


# ---------------------------------------------------------------- TCP load

def connect(port, timeout=30):
    s = socket.create_connection(('127.0.0.1', port), timeout=timeout)
    return s


def reset(s):
    """Close with RST instead of FIN (SO_LINGER on, 0 seconds)."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()


def recv_exactly(s, n):
    parts, have = [], 0
    while have < n:
        chunk = s.recv(min(65536, n - have))
        if not chunk:
            break
        parts.append(chunk)
        have += len(chunk)
    return b''.join(parts)


def tcp_echo(name, port, rng):
    data = rng.randbytes(rng.choice([1, 100, 1500, 20000, 65536, 300000]))
    with connect(port) as s:
        s.sendall(data)
        back = recv_exactly(s, len(data))
    if back != data:
        failures.add('%s: echo differs' % name, 'sent %d bytes, got %d back' % (len(data), len(back)))
    count('%s echo' % name)


def tcp_churn(name, port, rng):
    for _ in range(10):
        s = connect(port)
        if rng.random() < 0.5:
            reset(s)
        else:
            s.close()
        count('%s churn' % name)
    time.sleep(0.05)   # a steady rate, not a SYN flood: TIME_WAIT stays bounded


def tcp_reset_mid_transfer(name, port, rng):
    s = connect(port)
    s.setblocking(False)
    sent = 0
    try:
        while sent < 256 * 1024:
            sent += s.send(rng.randbytes(16384))
    except BlockingIOError:
        pass
    try:
        s.recv(rng.randint(1, 4096))
    except BlockingIOError:
        pass
    reset(s)
    count('%s reset mid-transfer' % name)


def tcp_half_close(name, port, rng):
    data = rng.randbytes(rng.choice([10, 5000, 100000]))
    back = b''
    with connect(port) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                back += chunk
        except ConnectionResetError:
            pass
    if back != data:
        # The server closes on our FIN; what it still had queued for us must leave first.
        failures.add('%s: echo cut short after a half-close (issue 9 finding 9: replies lost at close)' % name,
                     'sent %d bytes, got %d back before the server closed' % (len(data), len(back)))
    count('%s half-close' % name)


def tcp_slow_reader(name, port, rng):
    data = rng.randbytes(512 * 1024)
    back = bytearray()
    with connect(port) as s:
        s.setblocking(False)
        sent = 0
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and sent < len(data):
            try:
                sent += s.send(data[sent:sent + 16384])
            except BlockingIOError:
                pass
            try:
                chunk = s.recv(2048)       # 2 KiB every 20 ms: about 100 KB/s
                if not chunk:
                    break
                back += chunk
            except BlockingIOError:
                pass
            time.sleep(0.02)
        s.settimeout(30)
        if sent < len(data):
            s.sendall(data[sent:])
        back += recv_exactly(s, len(data) - len(back))
    if bytes(back) != data:
        failures.add('%s: a slow reader lost its echo (a slower reader must be waited for)' % name,
                     'got %d of %d bytes' % (len(back), len(data)))
    count('%s slow reader' % name)


def tcp_never_reader(name, port, rng):
    """Sends until the server stops taking more (or 16 MiB), never reads, then vanishes."""
    s = connect(port)
    s.setblocking(False)
    sent, stalled_since = 0, None
    chunk = rng.randbytes(65536)
    while not stop.is_set() and sent < 16 * MIB:
        try:
            sent += s.send(chunk)
            stalled_since = None
        except BlockingIOError:
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 1:
                break
            time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            break    # dropped for not reading: allowed
    time.sleep(rng.uniform(0.5, 2))
    reset(s)
    count('%s never reads' % name)


# ---------------------------------------------------------------- UDP load

def udp_flood(port, rng):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setblocking(False)
        for _ in range(300):
            size = rng.choice([0, 1, 20, 200, 1400]) if rng.random() < 0.99 else 65507
            try:
                s.sendto(rng.randbytes(size), ('127.0.0.1', port))
                count('udp datagrams sent')
            except BlockingIOError:
                pass
        deadline = time.monotonic() + 0.05
        while time.monotonic() < deadline:
            try:
                s.recv(65536)
                count('udp echoes received')
            except BlockingIOError:
                time.sleep(0.005)


def udp_ping(port, rng):
    """One datagram answered within a few tries: the engine is alive (a flood may drop some)."""
    payload = b'ping ' + uuid.uuid4().hex.encode()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(1)
        for _ in range(20):
            s.sendto(payload, ('127.0.0.1', port))
            try:
                while True:
                    if s.recv(65536) == payload:
                        count('udp pings answered')
                        return
            except socket.timeout:
                continue
    failures.add('udp: the echo stopped answering', 'no answer to 20 pings, 1 s apart')


# ---------------------------------------------------------------- SMTP load

class Mail:
    """What was sent and what was accepted, by message uuid."""

    def __init__(self):
        self.lock = threading.Lock()
        self.bodies = {}      # uuid -> sha256 of the body as sent (LF line ends, no final newlines)
        self.accepted = {}    # inbox name -> set of uuids the server accepted (250 after DATA)
        self.partial = set()  # uuids of messages cut off mid-DATA

    def new(self, rng, size=None):
        mid = uuid.uuid4().hex
        size = size if size is not None else rng.choice([100, 2000, 30000, 200000])
        lines = []
        have = 0
        while have < size:
            kind = rng.random()
            line = ('.' + 'x' * rng.randint(0, 60)) if kind < 0.1 else \
                   ('中文内容，第 %d 行' % len(lines)) if kind < 0.3 else \
                   ''.join(rng.choice('abcdefghij KLMNOP0123') for _ in range(rng.randint(0, 76)))
            lines.append(line)
            have += len(line) + 1
        lines.append('end-of-message ' + mid)
        body = '\n'.join(lines)
        head = ('From: soak <soak@example.com>\nTo: inbox <inbox@example.com>\nSubject: soak %s\n'
                'Message-ID: <%s@soak>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n'
                'Content-Transfer-Encoding: 8bit\n\n' % (mid, mid))
        with self.lock:
            self.bodies[mid] = hashlib.sha256(body.encode()).hexdigest()
        return mid, (head + body + '\n').replace('\n', '\r\n').encode()

    def accept(self, inbox, mid):
        with self.lock:
            self.accepted.setdefault(inbox, set()).add(mid)


mail = Mail()


def smtp_deliver(inbox, port_of, expect_success, rng):
    mid, message = mail.new(rng)
    began = time.monotonic()
    try:
        with smtplib.SMTP('127.0.0.1', port_of(), timeout=30) as smtp:
            smtp.ehlo('soak.example')
            options = ['BODY=8BITMIME'] if smtp.has_extn('8bitmime') else []
            smtp.sendmail('soak@example.com', ['inbox@example.com'], message, mail_options=options)
        mail.accept(inbox, mid)
        count('%s delivered' % inbox)
        longest('%s longest delivery (s)' % inbox, time.monotonic() - began)
    except (OSError, smtplib.SMTPException) as e:
        if expect_success:
            if time.monotonic() - never_reader_seen[0] < 60:
                # Finding 4 asks that a normal delivery still succeeds meanwhile.
                failures.add('%s: a delivery failed while a client that never reads was (recently) connected '
                             '(issue 9 finding 4)' % inbox, repr(e))
            else:
                failures.add('%s: a delivery failed' % inbox, repr(e))
        count('%s delivery failed (inbox being killed)' % inbox)


def read_reply(f):
    """One whole SMTP reply: its code (None when the connection closed)."""
    while True:
        line = f.readline()
        if not line:
            return None
        if line[3:4] != b'-':
            return int(line[:3])


def dot_stuffed(message):
    """DATA's transparency (RFC 5321 4.5.2): a line starting with "." gets another in front."""
    return re.sub(rb'(?m)^\.', b'..', message)


def smtp_two_in_one_write(inbox, port_of, rng):
    """Two whole transactions in one write (pipelining past DATA): both stored, both announced."""
    first, m1 = mail.new(rng, 500)
    second, m2 = mail.new(rng, 500)
    transaction = lambda m: b'MAIL FROM:<soak@example.com>\r\nRCPT TO:<inbox@example.com>\r\nDATA\r\n' + dot_stuffed(m) + b'.\r\n'
    with connect(port_of()) as s:
        f = s.makefile('rb')
        if read_reply(f) != 220:
            return
        s.sendall(b'EHLO soak.example\r\n')
        if read_reply(f) != 250:
            return
        s.sendall(transaction(m1) + transaction(m2) + b'QUIT\r\n')
        for mid in (first, second):
            codes = [read_reply(f) for _ in range(4)]   # MAIL, RCPT, DATA (354), end of data
            if codes == [250, 250, 354, 250]:
                mail.accept(inbox, mid)
            elif None in codes:
                # QUIT came with the rest: the server closed before its replies had all left.
                failures.add('%s: replies lost when the server closed after QUIT (issue 9 finding 9: replies lost at close)' % inbox,
                             'replies %r' % codes)
                return
            else:
                failures.add('%s: two transactions in one write were not both accepted' % inbox, repr(codes))
                return
        read_reply(f)   # 221
    count('%s two in one write' % inbox)


never_reader_seen = [0.0]   # when an SMTP client that never reads was last connected


def smtp_never_reads(inbox, port_of, rng):
    """Pipelines commands and never reads a reply, until the inbox stops taking more (or 8 MiB)."""
    never_reader_seen[0] = time.monotonic()
    s = connect(port_of())
    s.setblocking(False)
    commands = b'NOOP\r\n' * 4096
    sent, stalled_since = 0, None
    while not stop.is_set() and sent < 8 * MIB:
        try:
            sent += s.send(commands)
            stalled_since = None
        except BlockingIOError:
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 1:
                break
            time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            break    # dropped for not reading: allowed
    reset(s)
    never_reader_seen[0] = time.monotonic()
    count('%s never reads' % inbox)
    stop.wait(rng.uniform(2, 5))   # now and then, so the deliveries also get their turn


def smtp_cut_mid_data(inbox, port_of, exe_python, rng):
    """A sender that goes away in the middle of DATA: socket closed, reset, or process killed."""
    mid, message = mail.new(rng, 50000)
    with mail.lock:
        mail.partial.add(mid)
    message = dot_stuffed(message)
    cut = message[:rng.randint(10, len(message) - 200)]   # never the end: no "CRLF.CRLF" in it
    how = rng.choice(['close', 'reset', 'kill'])
    if how == 'kill':
        child = subprocess.Popen([exe_python, os.path.abspath(__file__), '--child-sender', str(port_of()), cut.hex()],
                                 stdout=subprocess.PIPE)
        try:
            child.stdout.readline()       # "in-data", or nothing if it could not get there
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
    else:
        with connect(port_of()) as s:
            f = s.makefile('rb')
            if read_reply(f) != 220:
                return
            for command in (b'EHLO soak.example', b'MAIL FROM:<soak@example.com>', b'RCPT TO:<inbox@example.com>', b'DATA'):
                s.sendall(command + b'\r\n')
                if read_reply(f) not in (250, 354):
                    return
            s.sendall(cut)
            if how == 'reset':
                reset(s)
    count('%s sender gone mid-DATA (%s)' % (inbox, how))


def child_sender(port, cut_hex):
    try:
        s = socket.create_connection(('127.0.0.1', port), timeout=30)
        f = s.makefile('rb')
        read_reply(f)
        for command in (b'EHLO soak.example', b'MAIL FROM:<soak@example.com>', b'RCPT TO:<inbox@example.com>', b'DATA'):
            s.sendall(command + b'\r\n')
            read_reply(f)
        s.sendall(bytes.fromhex(cut_hex))
    except OSError:
        return    # the inbox was down (the crashy one): nothing to kill mid-DATA
    print('in-data', flush=True)
    time.sleep(60)   # until killed


# ---------------------------------------------------------------- checks of the stores

ANNOUNCED = re.compile(rb'^received (\S+) from ')


class Announcements:
    def __init__(self):
        self.lock = threading.Lock()
        self.ids = []

    def line(self, text):
        m = ANNOUNCED.match(text)
        if m:
            with self.lock:
                self.ids.append(m.group(1).decode())


def stored_messages(folder):
    """{id: path} of every .eml under the folder (the store may keep them in a subfolder)."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith('.eml'):
                found[name[:-4]] = os.path.join(root, name)
    return found


def body_digest(raw):
    """The body as sent: after the header, LF line ends, no final newlines."""
    head_end = raw.find(b'\r\n\r\n')
    separator = 4
    if head_end < 0:
        head_end, separator = raw.find(b'\n\n'), 2
    if head_end < 0:
        return None
    body = raw[head_end + separator:].replace(b'\r\n', b'\n').rstrip(b'\n')
    return hashlib.sha256(body).hexdigest()


def whole_message(path):
    """(uuid, None) for a whole message that was sent, else (None, what is wrong with it)."""
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except FileNotFoundError:
        return None, None     # gone (deleted by nobody here: reported by the end-of-run check)
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    subject = message.get('Subject', '')
    mid = subject[5:].strip() if subject.startswith('soak ') else None
    if not mid or mid not in mail.bodies:
        return None, 'a stored message is not one that was sent (a half message?): %s, Subject %r, %d bytes' % (path, subject, len(raw))
    if mid in mail.partial:
        return None, 'a message cut off mid-DATA was stored: %s' % path
    if body_digest(raw) != mail.bodies[mid]:
        return None, 'a stored message is not whole (its body differs from what was sent): %s, %d bytes' % (path, len(raw))
    return mid, None


listed = {}           # inbox name -> every .eml path listed while the load ran
listed_lock = threading.Lock()


def watch_stores(folders):
    """While the load runs: every .eml as soon as it is listed must already be whole (a store
    that writes in place would show half a message to whoever lists it at that moment)."""
    while not stop.is_set():
        for name, folder in folders.items():
            for sid, path in stored_messages(folder).items():
                with listed_lock:
                    seen = listed.setdefault(name, set())
                    if path in seen:
                        continue
                    seen.add(path)
                mid, problem = whole_message(path)
                if problem:
                    failures.add('%s: a half message was listed while the load ran' % name, problem)
                elif not mid:
                    failures.add('%s: a listed message vanished at once' % name, path)
                count('%s messages checked as soon as listed' % name)
        time.sleep(0.5)


def check_store(name, folder, announced, every_stored_announced):
    stored = stored_messages(folder)
    on_disk = set()
    for sid, path in stored.items():
        mid, problem = whole_message(path)
        if problem:
            failures.add('%s: %s' % (name, problem.split(':')[0]), problem)
        if mid:
            on_disk.add(mid)
    with listed_lock:
        gone = listed.get(name, set()) - set(stored.values())
    if gone:
        failures.add('%s: a message listed during the run is gone at the end (nothing here deletes one)' % name,
                     '%d, e.g. %s' % (len(gone), sorted(gone)[0]))
    for mid in mail.accepted.get(name, set()) - on_disk:
        failures.add('%s: a message the inbox accepted (250) is not on disk' % name, mid)
    with announced.lock:
        ids = list(announced.ids)
    for sid in ids:
        if sid not in stored:
            failures.add('%s: an announced message is not on disk' % name, sid + '.eml')
    if len(ids) != len(set(ids)):
        failures.add('%s: a message was announced more than once' % name, '%d lines for %d ids' % (len(ids), len(set(ids))))
    if every_stored_announced:
        missing = set(stored) - set(ids)
        if missing:
            failures.add('%s: a stored message was never announced (issue 9 finding 2)' % name,
                         '%d of %d stored messages, e.g. %s' % (len(missing), len(stored), sorted(missing)[0]))
    return len(stored), len(ids)


# ---------------------------------------------------------------- the run

def loop(work, *arguments):
    """Runs one kind of load again and again until the end; errors are the load's own business."""
    def run():
        rng = random.Random()
        while not stop.is_set():
            try:
                work(*arguments, rng)
            except (OSError, EOFError) as e:
                # A connection refused or timed out where none should be is a failure; resets
                # of a connection we reset ourselves are caught where they are expected.
                failures.add('%s: %s' % (work.__name__, type(e).__name__), '%s %r' % (arguments[:1], e))
    t = threading.Thread(target=run, name=work.__name__, daemon=True)
    t.start()
    return t


def wait_until_idle(procs, baseline=None, timeout=60):
    """Waits until each process's descriptors and threads hold still (or reach the baseline)."""
    deadline = time.monotonic() + timeout
    last = {}
    while time.monotonic() < deadline:
        now = {name: sample(p.pid()) for name, p in procs.items()}
        if baseline:
            if all(now[n] and baseline.get(n) and now[n][0] <= baseline[n][0] and now[n][1] <= baseline[n][1] for n in procs):
                return now
        elif last and all(now[n] and last[n] and now[n][:2] == last[n][:2] for n in procs):
            return now
        last = now
        time.sleep(1)
    return last


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--socketeer', required=False)
    parser.add_argument('--minutes', type=float, default=1)
    parser.add_argument('--faults', default='eintr-every=97,eagain-send-every=89,short-send-every=13')
    parser.add_argument('--sample-every', type=float, default=2)
    parser.add_argument('--keep', action='store_true')
    parser.add_argument('--child-sender', nargs=2)
    args = parser.parse_args()
    if args.child_sender:
        child_sender(int(args.child_sender[0]), args.child_sender[1])
        return 0

    exe = args.socketeer
    workdir = tempfile.mkdtemp(prefix='socketeer-soak-')
    log('soak for %.1f min; socketeer %s; faults %r; files in %s' % (args.minutes, exe, args.faults, workdir))
    steady_dir = os.path.join(workdir, 'inbox-steady')
    crashy_dir = os.path.join(workdir, 'inbox-crashy')
    steady_announced, crashy_announced = Announcements(), Announcements()
    procs = {
        'serve event-loop': Socketeer('serve-event-loop', exe, ['serve', '--port', '0', '--echo', '--model', 'event-loop'], workdir, args.faults),
        'serve thread-per-client': Socketeer('serve-thread-per-client', exe, ['serve', '--port', '0', '--echo', '--model', 'thread-per-client'], workdir, args.faults),
        'udp': Socketeer('udp', exe, ['udp', '--bind', '127.0.0.1:0', '--echo'], workdir, args.faults, first_word=b'bound'),
        'inbox steady': Socketeer('inbox-steady', exe, ['inbox', '--port', '0', '--dir', steady_dir], workdir, args.faults, steady_announced.line),
    }
    crashy = Socketeer('inbox-crashy', exe, ['inbox', '--port', '0', '--dir', crashy_dir], workdir, args.faults, crashy_announced.line)
    for p in procs.values():
        p.start()
    crashy.start()

    total = args.minutes * 60
    warmup = min(max(total * 0.15, 8), 120)
    samples = {name: [] for name in procs}
    loaded = threading.Event()    # set while the measured (post-warm-up) load runs

    finished = threading.Event()

    def sampler():
        while not finished.is_set():
            for name, p in procs.items():
                s = sample(p.pid())
                if s is None:
                    failures.add('%s: the process died' % name, 'exit status %r' % p.proc.poll())
                elif loaded.is_set():
                    samples[name].append((time.monotonic(), ) + s)
            time.sleep(args.sample_every)

    def crash_loop(rng):
        time.sleep(rng.uniform(3, 8))
        if stop.is_set():
            return
        crashy.kill()
        count('inbox crashy SIGKILLed')
        crashy.start()

    el, tpc = procs['serve event-loop'].port, procs['serve thread-per-client'].port
    steady_port = lambda: procs['inbox steady'].port
    crashy_port = lambda: crashy.port
    python = sys.executable

    def start_load():
        threads = []
        for name, port in (('event-loop', el), ('thread-per-client', tpc)):
            for work in (tcp_echo, tcp_churn, tcp_reset_mid_transfer, tcp_half_close, tcp_slow_reader, tcp_never_reader, tcp_never_reader):
                threads.append(loop(work, name, port))
        threads.append(loop(udp_flood, procs['udp'].port))
        threads.append(loop(udp_ping, procs['udp'].port))
        threads.append(loop(smtp_deliver, 'inbox steady', steady_port, True))
        threads.append(loop(smtp_deliver, 'inbox steady', steady_port, True))
        threads.append(loop(smtp_two_in_one_write, 'inbox steady', steady_port))
        threads.append(loop(smtp_cut_mid_data, 'inbox steady', steady_port, python))
        threads.append(loop(smtp_never_reads, 'inbox steady', steady_port))
        threads.append(loop(smtp_deliver, 'inbox crashy', crashy_port, False))
        threads.append(loop(smtp_deliver, 'inbox crashy', crashy_port, False))
        threads.append(loop(smtp_cut_mid_data_tolerant, 'inbox crashy', crashy_port, python))
        threads.append(loop(crash_loop))
        watcher = threading.Thread(target=watch_stores, args=({'inbox steady': steady_dir, 'inbox crashy': crashy_dir},), daemon=True)
        watcher.start()
        threads.append(watcher)
        return threads

    threading.Thread(target=sampler, daemon=True).start()
    started = time.monotonic()

    # Warm-up, then a pause: the idle level every process must come back to at the end.
    threads = start_load()
    time.sleep(warmup)
    stop.set()
    for t in threads:
        t.join(120)
    baseline = wait_until_idle(procs)
    log('warm-up done; idle level (fds, threads, RSS MiB): ' +
        ', '.join('%s %d/%d/%.1f' % (n, b[0], b[1], b[2] / MIB) for n, b in baseline.items()))
    stop.clear()
    loaded.set()
    threads = start_load()
    remaining = total - (time.monotonic() - started)
    next_report = time.monotonic() + 60
    end = time.monotonic() + max(remaining, 20)
    while time.monotonic() < end:
        time.sleep(1)
        if time.monotonic() >= next_report:
            next_report += 60
            log('load: ' + ', '.join('%s %d/%d/%.1f' % (n, s[-1][1], s[-1][2], s[-1][3] / MIB) for n, s in samples.items() if s))
    loaded.clear()
    stop.set()
    for t in threads:
        t.join(120)
        if t.is_alive():
            failures.add('load: a load thread did not finish', t.name)

    # Idle again: every descriptor and thread the load made is gone.
    idle = wait_until_idle(procs, baseline)
    finished.set()
    for name in procs:
        if not idle.get(name) or not baseline.get(name):
            continue
        fds, threads_now = idle[name][0], idle[name][1]
        if fds > baseline[name][0]:
            failures.add('%s: descriptors grew' % name, '%d idle after the load, %d after warm-up' % (fds, baseline[name][0]))
        if threads_now > baseline[name][1]:
            failures.add('%s: threads grew' % name, '%d idle after the load, %d after warm-up' % (threads_now, baseline[name][1]))
    # Memory: no upward trend under the same load.
    for name, s in samples.items():
        if len(s) < 6:
            failures.add('%s: too few samples' % name, str(len(s)))
            continue
        third = len(s) // 3
        first = statistics.median(x[3] for x in s[:third])
        last = statistics.median(x[3] for x in s[-third:])
        # The margin is what bounded buffers may legitimately hold when the machine gets busier
        # (the UDP engine alone may keep 16 MiB of undelivered and 4 MiB of unsent datagrams):
        # a leak shows as growth beyond it, the longer the run the clearer.
        margin = 32 * MIB + first * 0.25
        log('%s RSS median %.1f MiB -> %.1f MiB (allowed %.1f), max %.1f MiB; fds max %d, threads max %d' %
            (name, first / MIB, last / MIB, (first + margin) / MIB, max(x[3] for x in s) / MIB, max(x[1] for x in s), max(x[2] for x in s)))
        if last > first + margin:
            failures.add('%s: RSS grows' % name, 'median %.1f MiB in the first third of the load, %.1f MiB in the last' % (first / MIB, last / MIB))

    # The servers still serve.
    rng = random.Random()
    for name, port in (('event-loop', el), ('thread-per-client', tpc)):
        try:
            tcp_echo(name, port, rng)
        except OSError as e:
            failures.add('%s: no echo after the soak' % name, repr(e))
    udp_ping(procs['udp'].port, rng)

    # Stop everything; a clean exit is part of the result.
    for name, p in list(procs.items()) + [('inbox crashy', crashy)]:
        status = p.terminate()
        if status != 0:
            failures.add('%s: did not exit 0 on SIGTERM' % name, 'exit status %r' % status)
    for p in list(procs.values()) + [crashy]:
        for n in range(1, p.incarnation + 1):
            path = os.path.join(workdir, '%s-%d.stderr' % (p.name, n))
            with open(path, 'rb') as f:
                text = f.read()
            if b'Sanitizer' in text or b'runtime error:' in text:
                failures.add('%s: a sanitizer report' % p.name, path)
    stored, announced = check_store('inbox steady', steady_dir, steady_announced, True)
    log('inbox steady: %d stored, %d announced, %d accepted' % (stored, announced, len(mail.accepted.get('inbox steady', ()))))
    stored, announced = check_store('inbox crashy', crashy_dir, crashy_announced, False)
    log('inbox crashy: %d stored, %d announced, %d accepted' % (stored, announced, len(mail.accepted.get('inbox crashy', ()))))

    log('load done: ' + ', '.join('%s %s' % kv for kv in sorted(counts.items())))
    if failures.items:
        log('SOAK FAILED (files kept in %s):' % workdir)
        for key, (n, first) in sorted(failures.items.items()):
            log('  %s: %d time(s); first: %s' % (key, n, first))
        return 1
    log('soak passed')
    if not args.keep:
        subprocess.run(['rm', '-rf', workdir])
    return 0


def smtp_cut_mid_data_tolerant(inbox, port_of, python, rng):
    """smtp_cut_mid_data against an inbox that may be down at that moment."""
    try:
        smtp_cut_mid_data(inbox, port_of, python, rng)
    except OSError:
        count('%s sender gone mid-DATA: inbox was down' % inbox)


if __name__ == '__main__':
    sys.exit(main())
