# The tutorial's UDP client, scripted: for each hex line on stdin, sends those bytes to HOST PORT
# and prints the answer as "From <host> <port> <hex>".
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
BUFSIZ = 65535
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_DGRAM) as s:
    s.settimeout(10)
    print('ready', flush=True)
    for line in sys.stdin:
        s.sendto(bytes.fromhex(line.strip()), (HOST, PORT))
        data, addr = s.recvfrom(BUFSIZ)
        print('From', addr[0], addr[1], data.hex(), flush=True)
