// The chat room in Python (docs/CHAT.md): every line a client sends goes to all the others as
// "NAME: TEXT", with "*** NAME joined" / "*** NAME left". NAME is the client's address, or with
// nicknames the name it sends first (checked by the rules of Socketeer's ChatRoom). One thread per
// client (threading, a lock around the room) or one thread for all (selectors); over TLS too.

#include "generators.h"
#include "programtext.h"

#include "net/limits.h"

namespace socketeer::code {

namespace {

struct Room {
    bool threads = false;
    bool nicknames = false;
    bool tls = false;
};

void header(const Room &r, ProgramText &p)
{
    p.add(u"#!/usr/bin/env python3\n# @TITLE@\n");
    if (!r.threads)
        p.add(u"import selectors\n");
    if (r.threads && r.tls)
        p.add(u"import select\n");
    p.add(u"import socket\n");
    if (r.tls)
        p.add(u"import ssl\n");
    if (r.threads)
        p.add(u"import threading\n");
    p.add(uR"(
HOST = @HOST@    # the address to listen on: '0.0.0.0' or '::' is every interface
PORT = @PORT@    # 0: any free port (the one bound is printed)
BUFSIZ = 4096
ENCODING = @ENCODING@    # how the room is shown on this screen; lines are relayed as the bytes that came
MAX_LINE = @CHAT_MAX_LINE@    # a longer line is refused, not relayed (and not an ever-growing buffer)
TOO_LONG = b'*** line too long (more than %d bytes): not relayed\n' % MAX_LINE
# What a line may carry on to the others' terminals: control characters but TAB become '?', so
# nobody can paint over another line or change its colours.
VISIBLE = bytes(c if c >= 0x20 and c != 0x7f or c == 0x09 else ord('?') for c in range(256))
)");
    if (r.nicknames)
        p.add(u"MAX_NICKNAME = @CHAT_MAX_NICKNAME@    # characters, not bytes: '小明' is 2\n");
    if (r.tls)
        p.add(uR"(CERTFILE = @CERTFILE@    # this server's certificate (and its chain), PEM
KEYFILE = @KEYFILE@    # its private key, PEM
)");
    if (!r.threads)
        p.add(u"MAX_OUTBOX = 1024 * 1024    # a client that reads nothing is disconnected once this much waits for it\n");
    if (r.threads)
        p.add(r.nicknames ? uR"(
members = []    # the Client of everyone connected, shared by every client's thread
# Held while members is read or changed, and while a line goes out: two lines never mix on one
# socket. (A client that never reads holds everyone up here once its buffer is full: Socketeer
# disconnects such a client, and so does the event-loop model of this program.) Re-entrant:
# choose_name() keeps it while it looks for a name and takes it, and tells and says meanwhile.
lock = threading.RLock()
)"
                          : uR"(
members = []    # the Client of everyone in the room, shared by every client's thread
# Held while members is read or changed, and while a line goes out: two lines never mix on one
# socket. (A client that never reads holds everyone up here once its buffer is full: Socketeer
# disconnects such a client, and so does the event-loop model of this program.)
lock = threading.Lock()
)");
    else
        p.add(r.tls || r.nicknames ? uR"(
sel = selectors.DefaultSelector()
members = []    # the Client of everyone connected, in the order they came
)"
                                   : uR"(
sel = selectors.DefaultSelector()
members = []    # the Client of everyone in the room, in the order they came
)");
    p.add(uR"(

class Client:
    """One member: its socket, its name, and the start of a line whose end has not come yet."""

    def __init__(self, sock, addr):
        self.sock = sock
        host, port = addr[:2]
)");
    p.add(r.nicknames ? uR"(        self.addr = ('[%s]:%d' if ':' in host else '%s:%d') % (host, port)    # for this screen
        # The name the others see: the nickname it sends first. Until it has one it is not in the
        # room: it neither hears the others nor is heard.
        self.name = b''
)"
                      : uR"(        # The name the others see: its address, as Socketeer's chat room names a client.
        self.name = (('[%s]:%d' if ':' in host else '%s:%d') % (host, port)).encode('ascii')
)");
    p.add(uR"(        self.inbox = b''
        self.skipping = False    # the rest of a line too long is dropped, up to its end
)");
    if (r.threads && r.tls)
        p.add(u"        self.tls_lock = threading.Lock()    # its TLS session is used by one thread at a time\n");
    if (!r.threads)
        p.add(uR"(        self.outbox = b''    # bytes waiting to go out to it
        self.closed = False
)");
    if (!r.threads && r.tls)
        p.add(u"        self.handshaking = True    # not in the room until the TLS handshake is done\n");
}

// A nickname's rules, word for word those of Socketeer's ChatRoom::nicknameProblem().
void nicknameRules(const Room &r, ProgramText &p)
{
    p.add(uR"(

def nickname_problem(name):
    """Why name (trimmed already) cannot be a nickname, or None if it can (taken or not)."""
    if not name:
        return 'empty'
    try:
        text = name.decode('utf-8').removeprefix('\ufeff')    # a byte order mark in front is not counted
    except UnicodeDecodeError:
        return 'not UTF-8'
    if len(text) > MAX_NICKNAME:
        return 'longer than %d characters' % MAX_NICKNAME
    for ch in text:
        if ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f:
            return 'control character'
        if ch.isspace():
            return 'space inside'    # "/msg NAME TEXT" could not be split
        if ch == ':':
            return 'colon'    # "NAME: TEXT" could not be split back
    if text.startswith(('*', '/')):
        return 'starts with * or /'    # the room's notices and commands start so
    return None


def folded(name):
    """A name in one case, as Socketeer compares nicknames: each character folded on its own
    (casefold() alone would make 'ß' 'ss', and 'straße' taken by 'STRASSE'); a byte order mark in
    front does not count."""
    text = name.decode('utf-8').removeprefix('\ufeff')
    return ''.join(c.casefold() if len(c.casefold()) == 1 else c.lower() if len(c.lower()) == 1 else c for c in text)


def taken(name):
    """Whether someone in the room has this name, in any case: 'Alice' cannot pass for 'alice'."""
    wanted = folded(name)
    return any(folded(client.name) == wanted for client in members if client.name)


def choose_name(client, line):
    """A line from a client without a nickname: the one it wants ("/nick NAME" is taken too)."""
    name = line.strip(b' \t')
    if name.startswith((b'/nick ', b'/nick\t')):
        name = name[6:].strip(b' \t')
    problem = nickname_problem(name)
    if problem:
        tell(client, b'*** nickname refused (' + problem.encode('ascii') + b'): send another\n')
        return
)");
    p.add(r.threads ? uR"(    with lock:    # nobody else takes the name between the look and the taking
        if taken(name):
            tell(client, b'*** nickname ' + name + b' is taken: send another\n')
            return
        client.name = name    # in the room from now on
        tell(client, b'*** you are ' + name + b'\n')
        say(client, b'*** ' + name + b' joined\n')
)"
                    : uR"(    if taken(name):
        tell(client, b'*** nickname ' + name + b' is taken: send another\n')
        return
    client.name = name    # in the room from now on
    tell(client, b'*** you are ' + name + b'\n')
    say(client, b'*** ' + name + b' joined\n')
)");
}

// Lines out of the stream, and what one line does: shared by both models (tell and say differ).
void lines(const Room &r, ProgramText &p)
{
    p.add(uR"(

def take_lines(client, data):
    """TCP keeps no message boundaries: one recv() may hold part of a line, or several lines.
    Returns the whole lines that came (without their line end) and keeps the start of the next."""
    *lines, client.inbox = (client.inbox + data).split(b'\n')
    whole = []
    for line in lines:
        if client.skipping:    # the end of a line too long, refused already
            client.skipping = False
        elif len(line) > MAX_LINE:
            tell(client, TOO_LONG)
        else:
            whole.append(line.removesuffix(b'\r'))    # a CR LF line end counts too
    if len(client.inbox) > MAX_LINE:
        if not client.skipping:
            tell(client, TOO_LONG)
        client.skipping = True
        client.inbox = b''
    return whole


def relay(client, line):
    """One whole line from a client: said to the room, the sender's name first."""
)");
    if (r.nicknames)
        p.add(uR"(    if not client.name:    # its first lines choose its nickname
        choose_name(client, line)
    elif line.strip(b' \t'):    # an empty line (someone pressing Enter) is nothing to tell the others
        say(client, client.name + b': ' + line.translate(VISIBLE) + b'\n')
)");
    else
        p.add(uR"(    if line.strip(b' \t'):    # an empty line (someone pressing Enter) is nothing to tell the others
        say(client, client.name + b': ' + line.translate(VISIBLE) + b'\n')
)");
    if (r.nicknames)
        nicknameRules(r, p);
}

void listen(ProgramText &p)
{
    p.add(uR"(    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
)");
}

void tlsContext(ProgramText &p)
{
    p.add(uR"(    global context
    # Clients verify this certificate; the server does not ask them for one.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTFILE, KEYFILE)
)");
}

void threadPerClient(const Room &r, ProgramText &p)
{
    p.set(QStringLiteral("WHO"), r.nicknames ? QStringLiteral("client.addr") : QStringLiteral("client.name.decode()"));
    if (r.tls)
        p.add(uR"(

def send_to(client, data):
    """sendall over TLS. Other threads send to this client while its own thread reads, and a TLS
    session may be used by one thread at a time: each call holds its tls_lock. The socket is
    non-blocking, so the reader never waits inside recv() with the lock; a sender waits here, with
    it, until the socket takes the bytes."""
    with client.tls_lock:
        while data:
            try:
                sent = client.sock.send(data)    $$SSL_write
            except ssl.SSLWantWriteError:    # its buffer is full: wait until it takes more
                select.select([], [client.sock], [])
                continue
            except ssl.SSLWantReadError:    # TLS must read something first
                select.select([client.sock], [], [])
                continue
            data = data[sent:]
)");
    else
        p.add(uR"(

def send_to(client, data):
    client.sock.sendall(data)    # sendall: send() may take only part of the bytes $$send
)");
    p.add(uR"(

def tell(client, data):
    """Sends data to one client."""
    with lock:
        send_to(client, data)


def say(sender, line):
    """Sends line to everyone in the room but its sender: nobody hears its own lines back."""
    with lock:
        print(line.decode(ENCODING, errors='replace'), end='', flush=True)
        for client in members:
)");
    p.add(r.nicknames ? u"            if client is not sender and client.name:    # not to one still choosing its nickname\n"
                      : u"            if client is not sender:\n");
    p.add(uR"(                try:
                    send_to(client, line)
                except OSError:
                    pass    # that client's own thread finds its connection broken, and says it left
)");
    lines(r, p);
    p.add(uR"(

def link_handler(link, addr):
    """Serves one member on a thread of its own, from joining the room to leaving it."""
)");
    if (r.tls)
        p.add(uR"(    try:
        # The TLS handshake, on this client's thread: a slow client holds up nobody else.
        link = context.wrap_socket(link, server_side=True)    $$SSL_do_handshake
    except (ssl.SSLError, OSError) as error:
        print('TLS handshake with', addr, 'failed:', error, flush=True)
        link.close()    $$close
        return
    link.setblocking(False)    # from now on other threads send to it too: see send_to()
)");
    p.add(uR"(    client = Client(link, addr)
    with link:    # closes the connection however the loop ends $$close
        try:
            with lock:
                members.append(client)
)");
    p.add(r.nicknames ? u"                send_to(client, b'*** welcome: send your nickname on the first line\\n')\n"
                      : uR"(                send_to(client, b'*** you are ' + client.name + b'\n')
            say(client, b'*** ' + client.name + b' joined\n')
)");
    p.add(u"            while True:\n");
    if (r.tls)
        p.add(uR"(                with client.tls_lock:
                    try:
                        data = link.recv(BUFSIZ)    $$SSL_read
                    except ssl.SSLWantReadError:
                        data = None
                if data is None:    # nothing yet: wait for it without the lock, so the others can send
                    select.select([link], [], [])
                    continue
)");
    else
        p.add(u"                data = link.recv(BUFSIZ)    $$recv\n");
    p.add(uR"(                if not data:    # b'': the client closed its side
                    break
                for line in take_lines(client, data):
                    relay(client, line)
        except OSError as error:
            print('Closing', @WHO@, ':', error, flush=True)
        finally:
            with lock:
                members.remove(client)
)");
    p.add(r.nicknames ? uR"(    if not client.name:    # it never chose a nickname: it was never in the room
        return
)"
                      : u"");
    p.add(uR"(    if client.inbox and not client.skipping:    # a last line without its line end is still said
        relay(client, client.inbox.removesuffix(b'\r'))
    say(client, b'*** ' + client.name + b' left\n')


def main():
)");
    if (r.tls)
        tlsContext(p);
    listen(p);
    p.add(uR"(        while True:
            conn, addr = s.accept()    # waits for the next client $$accept
            # One thread per client; daemon: Ctrl+C stops the server without waiting for them.
            threading.Thread(target=link_handler, args=(conn, addr), daemon=True).start()
)");
}

void eventLoop(const Room &r, ProgramText &p)
{
    p.set(QStringLiteral("WHO"), r.nicknames ? QStringLiteral("client.addr") : QStringLiteral("client.name.decode()"));
    // Over TLS a read may need the socket writable and a write readable (and the other way round).
    p.set(QStringLiteral("WOULD_BLOCK"), r.tls ? QStringLiteral("(BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError)")
                                               : QStringLiteral("BlockingIOError"));
    p.add(uR"(

def tell(client, data):
    """Queues data for one client: the loop never waits for a client, the socket takes it when it can."""
    if client.closed:
        return
    client.outbox += data
    if len(client.outbox) > MAX_OUTBOX:
        leave(client, 'it reads nothing')    # it would hold the room back
    else:
        write(client)


def say(sender, line):
    """Sends line to everyone in the room but its sender: nobody hears its own lines back."""
    print(line.decode(ENCODING, errors='replace'), end='', flush=True)
    for client in list(members):    # a copy: a client that fails leaves meanwhile
)");
    p.add(r.nicknames ? u"        if client is not sender and client.name:    # not to one still choosing its nickname\n"
                      : u"        if client is not sender:\n");
    p.add(uR"(            tell(client, line)


def write(client):
    """Sends what the socket takes now; the rest waits for EVENT_WRITE."""
    try:
)");
    p.add(r.tls ? u"        sent = client.sock.send(client.outbox)    $$SSL_write\n" : u"        sent = client.sock.send(client.outbox)    $$send\n");
    p.add(uR"(    except @WOULD_BLOCK@:
        sent = 0
    except OSError as error:
        leave(client, error)
        return
    client.outbox = client.outbox[sent:]
    # Ask for EVENT_WRITE only while bytes wait.
    sel.modify(client.sock, selectors.EVENT_READ | (selectors.EVENT_WRITE if client.outbox else 0), client)


def leave(client, why=''):
    if client.closed:
        return
    client.closed = True
    sel.unregister(client.sock)
    client.sock.close()    $$close
    if why:
        print('Closing', @WHO@, ':', why, flush=True)
)");
    if (r.tls)
        p.add(uR"(    if client not in members:    # its TLS handshake never finished: it was never in the room
        return
)");
    p.add(u"    members.remove(client)\n");
    if (r.nicknames)
        p.add(uR"(    if not client.name:    # it never chose a nickname: it was never in the room
        return
)");
    p.add(uR"(    if client.inbox and not client.skipping:    # a last line without its line end is still said
        relay(client, client.inbox.removesuffix(b'\r'))
    say(client, b'*** ' + client.name + b' left\n')


def join(client):
    """A new member: it is told who it is (or asked for its nickname), the others hear it came."""
    members.append(client)
)");
    p.add(r.nicknames ? u"    tell(client, b'*** welcome: send your nickname on the first line\\n')\n"
                      : uR"(    tell(client, b'*** you are ' + client.name + b'\n')
    say(client, b'*** ' + client.name + b' joined\n')
)");
    lines(r, p);
    p.add(uR"(

def accept(s):
    conn, addr = s.accept()    $$accept
    conn.setblocking(False)    # the loop must never wait on one client
)");
    if (r.tls)
        p.add(uR"(    # The handshake is driven by the loop like any other I/O, a step whenever the socket is ready:
    # a client that never finishes it holds up nobody.
    conn = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
    client = Client(conn, addr)
    sel.register(conn, selectors.EVENT_READ, client)
    handshake(client)


def handshake(client):
    """One step of the TLS handshake: it waits for whichever way the socket must be ready."""
    try:
        client.sock.do_handshake()    $$SSL_do_handshake
    except ssl.SSLWantReadError:
        sel.modify(client.sock, selectors.EVENT_READ, client)
        return
    except ssl.SSLWantWriteError:
        sel.modify(client.sock, selectors.EVENT_WRITE, client)
        return
    except (ssl.SSLError, OSError) as error:
        leave(client, error)
        return
    client.handshaking = False
    sel.modify(client.sock, selectors.EVENT_READ, client)
    join(client)
)");
    else
        p.add(uR"(    client = Client(conn, addr)
    sel.register(conn, selectors.EVENT_READ, client)
    join(client)
)");
    p.add(uR"(

def read(client):
    try:
)");
    p.add(r.tls ? u"        data = client.sock.recv(BUFSIZ)    $$SSL_read\n" : u"        data = client.sock.recv(BUFSIZ)    $$recv\n");
    p.add(uR"(    except @WOULD_BLOCK@:
        return
    except OSError as error:
        leave(client, error)
        return
    if not data:    # b'': the client closed its side
        leave(client)
        return
    for line in take_lines(client, data):
        if client.closed:
            return
        relay(client, line)
)");
    if (r.tls)
        p.add(uR"(    # TLS decrypts whole records: bytes of this one may wait inside the SSL object, where the
    # selector cannot see them. Read them now, or they would wait for the client's next bytes.
    if not client.closed and client.sock.pending():
        read(client)
)");
    p.add(uR"(

def main():
)");
    if (r.tls)
        tlsContext(p);
    listen(p);
    p.add(uR"(        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, None)
        while True:
            # One thread waits for every socket at once: whichever is ready is served, in turn.
            for key, mask in sel.select():
                if key.data is None:
                    accept(key.fileobj)
                    continue
                client = key.data
                if client.closed:    # it left while another was served
                    continue
)");
    if (r.tls)
        p.add(uR"(                if client.handshaking:
                    handshake(client)
                    continue
)");
    p.add(uR"(                if mask & selectors.EVENT_READ:
                    read(client)
                if mask & selectors.EVENT_WRITE and not client.closed:
                    write(client)
)");
}

} // namespace

void pythonChatServer(const CodeSettings &settings, ProgramText &program)
{
    Room room;
    room.threads = settings.model == ServerModel::ThreadPerClient;
    room.nicknames = settings.nicknames;
    room.tls = settings.tls;
    program.set(QStringLiteral("CHAT_MAX_NICKNAME"), QString::number(limits::kChatMaxNicknameChars));
    header(room, program);
    if (room.threads)
        threadPerClient(room, program);
    else
        eventLoop(room, program);
    program.add(uR"(

if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
