import struct,sys
p=sys.argv[1]; b=bytearray(open(p,'rb').read())
e_shoff,=struct.unpack_from('<Q',b,0x28); e_shentsize,e_shnum,e_shstrndx=struct.unpack_from('<HHH',b,0x3A)
secs=[]
for i in range(e_shnum):
    o=e_shoff+i*e_shentsize
    name,typ,flags,addr,off,size,link,info,align,entsize=struct.unpack_from('<IIQQQQIIQQ',b,o)
    secs.append((name,typ,off,size,link,info))
for (name,typ,off,size,link,info) in secs:
    if typ==0x6ffffffe: # SHT_GNU_verneed
        stroff=secs[link][2]
        o=off
        for _ in range(info):
            vn_version,vn_cnt,vn_file,vn_aux,vn_next=struct.unpack_from('<HHIII',b,o)
            a=o+vn_aux
            for _ in range(vn_cnt):
                h,fl,other,nm,nx=struct.unpack_from('<IHHII',b,a)
                s=b[stroff+nm:b.index(0,stroff+nm)].decode()
                if s=='GLIBCXX_3.4.32':
                    struct.pack_into('<H',b,a+4,fl|2); print('patched',s,'at',a)
                a+=nx
            if vn_next==0: break
            o+=vn_next
open(p,'wb').write(b)
