# The tutorial's multi-threaded TCP echo server (link_handler) wrapped in TLS the way Python's ssl
# documentation shows a server: a context with the certificate and key, each accepted socket
# wrapped in its own thread, so one slow handshake holds up nobody else.
# Usage: PORT HOST CERTFILE KEYFILE [ALPN,...]. Prints "listening on PORT", then per client
# "Connected by ADDRESS VERSION ALPN" once its handshake is done. bench/run-tls.sh measures it as
# "what a student gets by adding the ssl lines to the tutorial".
import socket
import ssl
import sys
import threading

context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[3], sys.argv[4])
if len(sys.argv) > 5:
    context.set_alpn_protocols(sys.argv[5].split(','))


def link_handler(link, client):
    try:
        link = context.wrap_socket(link, server_side=True)
    except (ssl.SSLError, OSError) as error:
        print('Handshake failed with', client, error, flush=True)
        link.close()
        return
    print('Connected by', client, link.version(), link.selected_alpn_protocol(), flush=True)
    try:
        while True:
            data = link.recv(1024)
            if not data:
                break
            link.sendall(data)
    except (ssl.SSLError, OSError):   # a client that resets: its thread ends, the others go on
        pass
    link.close()


ip_port = (sys.argv[2], int(sys.argv[1]))
sk = socket.socket(socket.AF_INET6 if ':' in ip_port[0] else socket.AF_INET)
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(128)
print('listening on', sk.getsockname()[1], flush=True)

while True:
    conn, address = sk.accept()
    t = threading.Thread(target=link_handler, args=(conn, address), daemon=True)
    t.start()
