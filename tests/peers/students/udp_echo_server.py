# A student's correct answer to the udp-echo lab: the tutorial's UDP server, each datagram sent
# back to where it came from. Usage: udp_echo_server.py [PORT] (0: any, printed).
import socket
import sys

BUFSIZ = 65535
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(BUFSIZ)
        print('From client:', data.decode('utf8', 'replace'), flush=True)
        s.sendto(data, addr)
