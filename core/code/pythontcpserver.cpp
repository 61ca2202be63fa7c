// The TCP server in Python: the tutorial's server with its mistakes fixed — sendall, `with`,
// bytes decoded with the chosen encoding, a thread per client (threading) or one thread for all
// (selectors), lines reassembled from a stream when framing is on.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void header(const CodeSettings &s, ProgramText &p)
{
    p.add(u"#!/usr/bin/env python3\n# @TITLE@\n");
    if (s.model == ServerModel::EventLoop)
        p.add(u"import selectors\n");
    p.add(u"import socket\n");
    if (s.tls)
        p.add(u"import ssl\n");
    if (s.model == ServerModel::ThreadPerClient)
        p.add(u"import threading\n");
    p.add(uR"(
HOST = @HOST@    # the address to listen on: '0.0.0.0' or '::' is every interface
PORT = @PORT@    # 0: any free port (the one bound is printed)
BUFSIZ = 4096
ENCODING = @ENCODING@    # how text is turned into bytes on the wire, and back
)");
    if (s.tls)
        p.add(uR"(CERTFILE = @CERTFILE@    # this server's certificate (and its chain), PEM
KEYFILE = @KEYFILE@    # its private key, PEM
)");
    if (s.model == ServerModel::EventLoop)
        p.add(u"MAX_OUTBOX = 1024 * 1024    # a client that reads nothing is not read from either once this much waits for it\n");
}

// What the server does with one message: a line under framing, else whatever one recv() gave.
// The names a framed server's code uses: `line` and split_lines for line framing, `message` and
// split_messages (or split_lines, for a delimiter) for the others.
void setFramingNames(const CodeSettings &s, ProgramText &p)
{
    const bool lines = s.frame.kind == FrameKind::Line || s.frame.kind == FrameKind::Crlf;
    const QString message = lines ? QStringLiteral("line") : QStringLiteral("message");
    p.set(QStringLiteral("MSG"), message);
    p.set(QStringLiteral("MSGS"), message + QLatin1Char('s'));
    p.set(QStringLiteral("MSG_ABOUT"), lines ? QStringLiteral("One whole line from a client (without its line end).")
                                             : QStringLiteral("One whole message from a client (without its framing)."));
    p.set(QStringLiteral("SPLIT"), delimited(s) ? QStringLiteral("split_lines") : QStringLiteral("split_messages"));
    p.set(QStringLiteral("FRAMED_MSG"), pythonFramed(s, message));
}

void handleThreaded(const CodeSettings &s, ProgramText &p)
{
    const bool f = framed(s);
    p.add(f ? u"\n\ndef handle(link, client, @MSG@):\n    \"\"\"@MSG_ABOUT@\"\"\"\n"
            : u"\n\ndef handle(link, client, data):\n    \"\"\"Bytes from a client, as one recv() returned them: TCP keeps no message boundaries.\"\"\"\n");
    p.add(f ? u"    print('From', client, ':', @MSG@.decode(ENCODING, errors='replace'), flush=True)\n"
            : u"    print('From', client, ':', data.decode(ENCODING, errors='replace'), flush=True)\n");
    if (s.echo)
        p.add(f ? u"    link.sendall(@FRAMED_MSG@)    # sendall: send() may take only part of the bytes $$send\n"
                : u"    link.sendall(data)    # sendall: send() may take only part of the bytes $$send\n");
}

void threadPerClient(const CodeSettings &s, ProgramText &p)
{
    handleThreaded(s, p);
    p.add(uR"(

def link_handler(link, client):
    """Serves one client on a thread of its own until it closes: the other clients go on meanwhile."""
    print('Connected by', client, flush=True)
)");
    if (s.tls)
        p.add(uR"(    try:
        # The TLS handshake, on this client's thread: a slow client holds up nobody else.
        link = context.wrap_socket(link, server_side=True)
    except (ssl.SSLError, OSError) as error:
        print('TLS handshake with', client, 'failed:', error, flush=True)
        link.close()    $$close
        return
)");
    p.add(u"    with link:    # closes the connection however the loop ends $$close\n");
    if (framed(s))
        p.add(uR"(        buffer = b''
        try:
            while True:
                data = link.recv(BUFSIZ)    $$recv
                if not data:    # b'': the client closed its side
                    break
                @MSGS@, buffer = @SPLIT@(buffer + data)
                for @MSG@ in @MSGS@:
                    handle(link, client, @MSG@)
        except (ValueError, OSError) as error:
            print('Closing', client, ':', error, flush=True)
)");
    else
        p.add(uR"(        try:
            while True:
                data = link.recv(BUFSIZ)    $$recv
                if not data:    # b'': the client closed its side
                    break
                handle(link, client, data)
        except OSError as error:
            print('Closing', client, ':', error, flush=True)
)");
    p.add(uR"(    print('Disconnected', client, flush=True)


def main():
)");
    if (s.tls)
        p.add(uR"(    global context
    # Clients verify this certificate; the server does not ask them for one.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTFILE, KEYFILE)
)");
    p.add(uR"(    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
        while True:
            conn, addr = s.accept()    # waits for the next client $$accept
            # One thread per client; daemon: Ctrl+C stops the server without waiting for them.
            threading.Thread(target=link_handler, args=(conn, addr), daemon=True).start()
)");
}

void eventLoop(const CodeSettings &s, ProgramText &p)
{
    const bool f = framed(s);
    // Over TLS a read may need the socket writable and a write readable (and the other way round).
    p.set(QStringLiteral("WOULD_BLOCK"), s.tls ? QStringLiteral("(BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError)")
                                               : QStringLiteral("BlockingIOError"));
    p.add(uR"(

sel = selectors.DefaultSelector()


class Client:
    """What the loop keeps for one connection: its socket, and the bytes waiting to go out to it."""

    def __init__(self, sock, addr):
        self.sock = sock
        self.addr = addr
)");
    if (f)
        p.add(u"        self.inbox = b''    # the start of a @MSG@ whose end has not come yet\n");
    p.add(uR"(        self.outbox = b''
        self.closed = False
)");
    if (s.tls)
        p.add(u"        self.handshaking = True    # no application bytes until the TLS handshake is done\n");
    p.add(uR"(

def accept(s):
    conn, addr = s.accept()    $$accept
    print('Connected by', addr, flush=True)
    conn.setblocking(False)    # the loop must never wait on one client
)");
    if (s.tls)
        p.add(uR"(    # The handshake is driven by the loop like any other I/O, a step whenever the socket is ready.
    conn = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
    client = Client(conn, addr)
    sel.register(conn, selectors.EVENT_READ, client)
    handshake(client)
)");
    else
        p.add(u"    sel.register(conn, selectors.EVENT_READ, Client(conn, addr))\n");
    p.add(uR"(

def close(client, why=''):
    print('Disconnected', client.addr, why, flush=True)
    sel.unregister(client.sock)
    client.sock.close()    $$close
    client.closed = True


)");
    if (s.tls)
        p.add(uR"(def handshake(client):
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
        close(client, error)
        return
    client.handshaking = False
    print('TLS with', client.addr, client.sock.version(), flush=True)
    watch(client)


)");
    p.add(uR"(def write(client):
    """Sends what the socket takes now; the rest waits for EVENT_WRITE."""
    try:
)");
    p.add(s.tls ? u"        sent = client.sock.send(client.outbox)    $$SSL_write\n" : u"        sent = client.sock.send(client.outbox)    $$send\n");
    p.add(uR"(    except @WOULD_BLOCK@:
        sent = 0
    except OSError as error:
        close(client, error)
        return
    client.outbox = client.outbox[sent:]
    watch(client)


def watch(client):
    # Ask for EVENT_WRITE only while bytes wait, and stop reading while too many wait.
    events = selectors.EVENT_WRITE if client.outbox else 0
    if len(client.outbox) < MAX_OUTBOX:
        events |= selectors.EVENT_READ
    sel.modify(client.sock, events, client)


)");
    p.add(f ? u"def handle(client, @MSG@):\n    \"\"\"@MSG_ABOUT@\"\"\"\n"
              u"    print('From', client.addr, ':', @MSG@.decode(ENCODING, errors='replace'), flush=True)\n"
            : u"def handle(client, data):\n    \"\"\"Bytes from a client, as one recv() returned them: TCP keeps no message boundaries.\"\"\"\n"
              u"    print('From', client.addr, ':', data.decode(ENCODING, errors='replace'), flush=True)\n");
    if (s.echo)
        p.add(f ? u"    client.outbox += @FRAMED_MSG@\n    write(client)\n" : u"    client.outbox += data\n    write(client)\n");
    p.add(uR"(

def read(client):
    try:
)");
    p.add(s.tls ? u"        data = client.sock.recv(BUFSIZ)    $$SSL_read\n" : u"        data = client.sock.recv(BUFSIZ)    $$recv\n");
    p.add(uR"(    except @WOULD_BLOCK@:
        return
    except OSError as error:
        close(client, error)
        return
    if not data:    # b'': the client closed its side
        close(client)
        return
)");
    if (f)
        p.add(uR"(    try:
        @MSGS@, client.inbox = @SPLIT@(client.inbox + data)
    except ValueError as error:
        close(client, error)
        return
    for @MSG@ in @MSGS@:
        if client.closed:
            return
        handle(client, @MSG@)
)");
    else
        p.add(u"    handle(client, data)\n");
    if (s.tls)
        p.add(uR"(    # TLS decrypts whole records: bytes of this one may wait inside the SSL object, where the
    # selector cannot see them. Read them now, or they would wait for the client's next bytes.
    if not client.closed and client.sock.pending():
        read(client)
)");
    p.add(uR"(

def main():
)");
    if (s.tls)
        p.add(uR"(    global context
    # Clients verify this certificate; the server does not ask them for one.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTFILE, KEYFILE)
)");
    p.add(uR"(    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, None)
        while True:
            # One thread waits for every socket at once: whichever is ready is served, in turn.
            for key, mask in sel.select():
                if key.data is None:
                    accept(key.fileobj)
                    continue
                client = key.data
)");
    if (s.tls)
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

void pythonTcpServer(const CodeSettings &settings, ProgramText &program)
{
    header(settings, program);
    setFramingNames(settings, program);
    pythonFraming(settings, program, true);
    if (settings.model == ServerModel::ThreadPerClient)
        threadPerClient(settings, program);
    else
        eventLoop(settings, program);
    program.add(uR"(

if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
