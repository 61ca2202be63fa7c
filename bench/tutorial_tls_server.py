# The tutorial's multi-threaded TCP echo server (tests/peers/tcp_threaded_echo_server.py), one
# thread per connection (link_handler), with the accepted socket wrapped in TLS by Python's ssl:
# what a student gets by adding the ssl lines to the tutorial. Benchmark only.
#
# The handshake runs in link_handler's thread (ssl releases the GIL while OpenSSL works), not in
# the accept loop, so one slow client cannot hold up the others' handshakes: the fairer choice.
#
# Usage: tutorial_tls_server.py CERT.pem KEY.pem [PORT [HOST]]
import socket
import ssl
import sys
import threading


def link_handler(link, client):
    print('Connected by ', client, flush=True)
    try:
        link = context.wrap_socket(link, server_side=True)
        while True:
            data = link.recv(1024)
            if not data:
                break
            link.sendall(data)
    except (ssl.SSLError, OSError):
        pass
    link.close()


context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])

ip_port = (sys.argv[4] if len(sys.argv) > 4 else '127.0.0.1', int(sys.argv[3]) if len(sys.argv) > 3 else 0)
sk = socket.socket()
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sk.bind(ip_port)
sk.listen(128)
print('listening on', sk.getsockname()[1], flush=True)

while True:
    conn, address = sk.accept()
    t = threading.Thread(target=link_handler, args=(conn, address), daemon=True)
    t.start()
