#include <bits/stdc++.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
int main(){
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if(s < 0) return 1;
  sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(53);
  inet_pton(AF_INET, "1.1.1.1", &a.sin_addr);
  if(sendto(s, "alphasolve-probe", 16, 0, (sockaddr*)&a, sizeof a) < 0) return 1;
  puts("sent");
}
