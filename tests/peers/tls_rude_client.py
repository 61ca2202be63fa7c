# A TLS client that leaves without a goodbye: it sends a line and closes the socket at once,
# unread reply and all, with no close_notify (what a crashed or impatient client does). Its kernel
# answers the server's echo with a reset. Usage: HOST PORT CAFILE. Prints "sent", then exits.
import socket
import ssl
import sys

context = ssl.create_default_context(cafile=sys.argv[3])
with socket.create_connection((sys.argv[1], int(sys.argv[2]))) as sock:
    s = context.wrap_socket(sock, server_hostname='localhost')
    s.sendall(b'goodbye without close_notify\n')
    print('sent', flush=True)
    # Closing the descriptor: no unwrap(), so no close_notify; unread bytes make it a reset.
