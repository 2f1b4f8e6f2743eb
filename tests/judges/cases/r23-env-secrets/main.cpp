#include <bits/stdc++.h>
#include <unistd.h>
extern char **environ;
int main(){
  const char* pats[] = {"SECRET","TOKEN","PASSWORD","PASSWD","CREDENTIAL","API_KEY","APIKEY","ACCESS_KEY","PRIVATE","AUTH","AWS_","GITHUB","OPENAI","ANTHROPIC","HF_","HUGGING","SSH_","GOOGLE","AZURE","DOCKER","KUBE","PROXY"};
  bool found = false;
  for(char** e = environ; e && *e; e++){
    std::string kv(*e); std::string k = kv.substr(0, kv.find('='));
    for(auto& c : k) c = toupper((unsigned char)c);
    for(const char* p : pats) if(k.find(p) != std::string::npos) found = true;
  }
  puts(found ? "found" : "nothing");
}
