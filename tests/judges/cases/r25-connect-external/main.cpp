#include <bits/stdc++.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <arpa/inet.h>
#include <sys/socket.h>
int main(){
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if(s < 0) return 1;
  fcntl(s, F_SETFL, O_NONBLOCK);
  sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(80);
  inet_pton(AF_INET, "1.1.1.1", &a.sin_addr);
  if(connect(s, (sockaddr*)&a, sizeof a) != 0){
    if(errno != EINPROGRESS) return 1;
    pollfd p{s, POLLOUT, 0};
    if(poll(&p, 1, 1500) != 1) return 1;
    int err = 0; socklen_t l = sizeof err;
    if(getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &l) != 0 || err) return 1;
  }
  puts("connected");
}
