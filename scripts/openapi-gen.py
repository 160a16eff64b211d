#!/usr/bin/env python3
"""The OpenAPI 3.1 description of /api/v1, kept here as data and written into
Sources/OramaApp/API/OpenAPIDocument.swift (which serves it at /openapi.json).
Edit this file, run `python3 scripts/openapi-gen.py`, and the route test
`theOpenAPIDocumentListsExactlyTheRoutesOfTheAPI` checks that paths and routes agree."""
import json
E={"$ref":"#/components/responses/Error"}
def ref(n): return {"$ref":f"#/components/schemas/{n}"}
def arr(x): return {"type":"array","items":x}
S="string"; I="integer"; N="number"; B="boolean"
def obj(req, props, extra=None):
    d={"type":"object","required":req,"properties":props}
    if extra: d.update(extra)
    return d
uuid={"type":S,"format":"uuid"}
schemas={
 "Error": obj(["error"],{"error":obj(["status","code","message"],{"status":{"type":I},"code":{"type":S},"message":{"type":S,"description":"Μήνυμα στα ελληνικά"}})}),
 "ProgrammeListItem": obj(["id","title","startYear","endYear","status","version","changeCounter","url"],{"id":uuid,"title":{"type":S},"startYear":{"type":I},"endYear":{"type":I},"status":{"type":S,"enum":["draft","consultation","approved","published","superseded"]},"version":{"type":I},"changeCounter":{"type":I},"url":{"type":S}}),
 "Totals": obj(["costCents","fundingCents","fundingText","fundingByYear","actionCount"],{"costCents":{"type":I},"fundingCents":{"type":I},"fundingText":{"type":S},"fundingByYear":{"type":"object","additionalProperties":{"type":I}},"progress":{"type":N,"description":"Σταθμισμένη πρόοδος %"},"actionCount":{"type":I}}),
 "FundingLine": obj(["source","year","amountCents"],{"source":{"type":S},"year":{"type":I},"amountCents":{"type":I}}),
 "Milestone": obj(["id","date","title","isDone"],{"id":uuid,"date":{"type":S,"format":"date"},"title":{"type":S},"isDone":{"type":B}}),
 "Measurement": obj(["period","value","note"],{"period":{"type":S,"description":"ΕΕΕΕ ή ΕΕΕΕ-QN"},"value":{"type":N},"note":{"type":S}}),
 "Indicator": obj(["id","code","name","kind","unit","direction","targets","measurements","dataSource","frequency"],{"id":uuid,"code":{"type":S},"name":{"type":S},"kind":{"type":S,"enum":["input","output","result","impact"]},"unit":{"type":S},"direction":{"type":S,"enum":["higherIsBetter","lowerIsBetter"]},"baseline":{"type":N},"baselineYear":{"type":I},"targets":{"type":"object","additionalProperties":{"type":N}},"measurements":arr(ref("Measurement")),"dataSource":{"type":S},"frequency":{"type":S,"enum":["quarterly","semiannual","annual"]},"responsibleUnit":{"type":S},"actionID":uuid,"achievementLatest":{"type":N}}),
 "Action": obj(["id","code","title","description","kind","nature","coResponsibleUnits","implementingBody","supraLocal","partners","localities","priority","maturity","preconditions","costCents","costText","fundingLines","budgetLines","weight","milestones"],
   {"id":uuid,"code":{"type":S},"title":{"type":S},"description":{"type":S},"kind":{"type":S,"enum":["projectCategory","largeProject","recurringOperation"]},"nature":{"type":S,"enum":["works","study","supply","service","operation"]},"responsibleUnit":{"type":S},"coResponsibleUnits":arr({"type":S}),"implementingBody":{"type":S},"supraLocal":{"type":B},"partners":arr({"type":S}),"localities":arr({"type":S}),"priority":{"type":I,"enum":[1,2,3]},"rank":{"type":I},"maturity":{"type":S,"enum":["idea","studyReady","licensed","tendered","contracted"]},"preconditions":{"type":S},"costCents":{"type":I},"costText":{"type":S},"fundingLines":arr(ref("FundingLine")),"scheduleStart":{"type":S},"scheduleEnd":{"type":S},"budgetLines":arr({"type":S}),"weight":{"type":N},"milestones":arr(ref("Milestone")),"status":{"type":S,"enum":["notStarted","onTrack","atRisk","delayed","completed","cancelled"]},"progress":{"type":N}}),
 "Objective": obj(["id","code","title","totals","indicators","actions"],{"id":uuid,"code":{"type":S},"title":{"type":S},"totals":ref("Totals"),"indicators":arr(ref("Indicator")),"actions":arr(ref("Action"))}),
 "Measure": obj(["id","code","title","totals","indicators","objectives"],{"id":uuid,"code":{"type":S},"title":{"type":S},"totals":ref("Totals"),"indicators":arr(ref("Indicator")),"objectives":arr(ref("Objective"))}),
 "Axis": obj(["id","code","title","description","totals","measures"],{"id":uuid,"code":{"type":S},"title":{"type":S},"description":{"type":S},"totals":ref("Totals"),"measures":arr(ref("Measure"))}),
 "Programme": obj(["id","organisation","title","startYear","endYear","status","version","changeCounter","note","totals","axes"],{"id":uuid,"organisation":{"type":S},"title":{"type":S},"startYear":{"type":I},"endYear":{"type":I},"status":{"type":S},"version":{"type":I},"changeCounter":{"type":I},"note":{"type":S},"totals":ref("Totals"),"axes":arr(ref("Axis"))}),
 "ActionItem": obj(["axisCode","measureCode","objectiveCode","action"],{"axisCode":{"type":S},"measureCode":{"type":S},"objectiveCode":{"type":S},"action":ref("Action")}),
 "Finding": obj(["rule","ruleName","severity","place","code","title","problem","remedy"],{"rule":{"type":S},"ruleName":{"type":S},"severity":{"type":S},"place":{"type":S},"code":{"type":S},"title":{"type":S},"problem":{"type":S},"remedy":{"type":S},"link":{"type":S}}),
 "Finance": obj(["grouping","years","sources","rows","totalsByYear","totalsBySource","grandTotalCents"],{"grouping":{"type":S,"enum":["axis","measure","unit","locality","action"]},"years":arr({"type":I}),"sources":arr(obj(["code","name"],{"code":{"type":S},"name":{"type":S}})),"rows":arr(obj(["code","label","amounts","totalCents"],{"code":{"type":S},"label":{"type":S},"amounts":arr(obj(["source","year","amountCents"],{"source":{"type":S},"year":{"type":I},"amountCents":{"type":I}})),"totalCents":{"type":I}})),"totalsByYear":{"type":"object","additionalProperties":{"type":I}},"totalsBySource":{"type":"object","additionalProperties":{"type":I}},"grandTotalCents":{"type":I}}),
 "Annual": obj(["year","approved","actions","technicalProgramme","totalCents"],{"year":{"type":I},"approved":{"type":B},"approvedAt":{"description":"Χρόνος έγκρισης"},"approvedBy":{"type":S},"actions":arr({"type":"object"}),"technicalProgramme":arr({"type":"object"}),"totalCents":{"type":I}}),
 "KeyFigure": obj(["name","value","unit","year","source"],{"name":{"type":S},"value":{"type":N},"unit":{"type":S},"year":{"type":I},"source":{"type":S}}),
 "Strategy": obj(["profileSections","swot","criticalIssues","vision","guidingPrinciples","strategicGoals"],{
   "profileSections":arr(obj(["title","body","keyFigures"],{"title":{"type":S},"body":{"type":S},"keyFigures":arr(ref("KeyFigure"))})),
   "swot":arr(obj(["quadrant","text"],{"quadrant":{"type":S,"enum":["strength","weakness","opportunity","threat"]},"text":{"type":S}})),
   "criticalIssues":arr({"type":S}),"vision":{"type":S},"guidingPrinciples":arr({"type":S}),
   "strategicGoals":arr(obj(["axisID","axisCode","text"],{"axisID":uuid,"axisCode":{"type":S},"text":{"type":S}})),
   "consultationStart":{"type":S,"format":"date"},"consultationEnd":{"type":S,"format":"date"},"councilSession":{"type":S,"format":"date"}}),
 "ActionPatch": obj([],{"title":{"type":S},"description":{"type":S},"preconditions":{"type":S},"maturity":{"type":S,"enum":["idea","studyReady","licensed","tendered","contracted"]},"budgetLines":arr({"type":S}),"changeCounter":{"type":I,"description":"Ο μετρητής αλλαγών που διάβασε ο πελάτης· αν διαφέρει, 409."}}),
 "ProgressInput": obj(["period","status","physicalProgress","spentCents"],{"period":{"type":S,"examples":["2025-Q2"]},"status":{"type":S,"enum":["notStarted","onTrack","atRisk","delayed","completed","cancelled"]},"physicalProgress":{"type":I,"minimum":0,"maximum":100},"spentCents":{"type":I,"minimum":0},"comment":{"type":S},"reason":{"type":S,"description":"Αιτία διόρθωσης περιόδου που έχει λήξει"}}),
 "Progress": obj(["actionID","period","date","status","physicalProgress","spentCents","comment"],{"actionID":uuid,"period":{"type":S},"date":{"type":S,"format":"date"},"status":{"type":S},"physicalProgress":{"type":I},"spentCents":{"type":I},"comment":{"type":S}}),
 "MeasurementInput": obj(["period","value"],{"period":{"type":S,"examples":["2025","2025-Q2"]},"value":{"type":N},"note":{"type":S},"reason":{"type":S}}),
 "MeasurementRecord": obj(["indicatorID","period","value","note"],{"indicatorID":uuid,"period":{"type":S},"value":{"type":N},"note":{"type":S}}),
}
def pid(name,desc): return {"name":name,"in":"path","required":True,"schema":uuid,"description":desc}
P=pid("programmeID","Αναγνωριστικό προγράμματος")
def ok(schema,code="200",desc="Επιτυχία"): return {code:{"description":desc,"content":{"application/json":{"schema":schema}}}}
def errs(*codes):
    d={str(c):E for c in codes}; d["default"]=E; return d
read_sec=[{},{"bearerAuth":[]}]
write_sec=[{"bearerAuth":[]}]
def get(opid,summary,schema,params,codes=(400,404)):
    r=ok(schema); r.update(errs(*codes))
    return {"get":{"operationId":opid,"summary":summary,"parameters":params,"security":read_sec,"responses":r}}
def body(schema): return {"required":True,"content":{"application/json":{"schema":ref(schema)}}}
paths={
 "/api/v1/programmes": {"get":{"operationId":"listProgrammes","summary":"Τα δημοσιευμένα προγράμματα (και, με κλειδί, του Δήμου σας)","security":read_sec,"responses":{**ok(arr(ref("ProgrammeListItem"))),"default":E}}},
 "/api/v1/programmes/{programmeID}": get("getProgramme","Ολόκληρο το πρόγραμμα: άξονες, μέτρα, στόχοι, δράσεις, δείκτες, σύνολα",ref("Programme"),[P]),
 "/api/v1/programmes/{programmeID}/strategy": get("getStrategy","Στρατηγικός Σχεδιασμός (Αʹ Φάση): προφίλ, SWOT, κρίσιμα ζητήματα, όραμα, αρχές, στρατηγικοί στόχοι, ημερομηνίες διαβούλευσης και συμβουλίου",ref("Strategy"),[P]),
 "/api/v1/programmes/{programmeID}/checks": get("getChecks","Έλεγχοι πληρότητας και συνέπειας (χρήστες του Δήμου)",arr(ref("Finding")),[P],(400,401,403,404)),
 "/api/v1/programmes/{programmeID}/finance": get("getFinance","Οικονομικός πίνακας ανά πηγή και έτος",ref("Finance"),[P,{"name":"by","in":"query","required":False,"schema":{"type":S,"enum":["axis","measure","unit","locality","action"],"default":"axis"}}]),
 "/api/v1/programmes/{programmeID}/annual/{year}": get("getAnnual","Ετήσιο Πρόγραμμα Δράσης και Τεχνικό Πρόγραμμα ενός έτους",ref("Annual"),[P,{"name":"year","in":"path","required":True,"schema":{"type":I}}]),
 "/api/v1/programmes/{programmeID}/actions": get("listActions","Όλες οι δράσεις με τη θέση τους στο δέντρο",arr(ref("ActionItem")),[P]),
 "/api/v1/programmes/{programmeID}/indicators": get("listIndicators","Όλοι οι δείκτες με στόχους και τιμές",arr(ref("Indicator")),[P]),
 "/api/v1/programmes/{programmeID}/indicators/{indicatorID}": get("getIndicator","Ένας δείκτης",ref("Indicator"),[P,pid("indicatorID","Αναγνωριστικό δείκτη")]),
}
A=pid("actionID","Αναγνωριστικό δράσης")
paths["/api/v1/programmes/{programmeID}/actions/{actionID}"]=get("getAction","Μία δράση",ref("ActionItem"),[P,A])
r=ok(ref("ActionItem")); r.update(errs(400,401,403,404,409,413,415,422))
paths["/api/v1/programmes/{programmeID}/actions/{actionID}"]["patch"]={"operationId":"patchAction","summary":"Αλλαγή περιγραφικών στοιχείων δράσης (τίτλος, περιγραφή, προαπαιτούμενα, ωριμότητα, ΚΑΕ)","parameters":[P,A],"security":write_sec,"requestBody":body("ActionPatch"),"responses":r}
r=ok(ref("Progress"),"201","Καταχωρίστηκε"); r.update(errs(400,401,403,404,409,413,415,422))
paths["/api/v1/programmes/{programmeID}/actions/{actionID}/progress"]={"post":{"operationId":"recordProgress","summary":"Αναφορά προόδου δράσης για ένα τρίμηνο","parameters":[P,A],"security":write_sec,"requestBody":body("ProgressInput"),"responses":r}}
r=ok(ref("MeasurementRecord"),"201","Καταχωρίστηκε"); r.update(errs(400,401,403,404,409,413,415,422))
paths["/api/v1/programmes/{programmeID}/indicators/{indicatorID}/measurements"]={"post":{"operationId":"recordMeasurement","summary":"Τιμή δείκτη για μια περίοδο","parameters":[P,pid("indicatorID","Αναγνωριστικό δείκτη")],"security":write_sec,"requestBody":body("MeasurementInput"),"responses":r}}
def link(path, method, code, name, opid, params):
    op=paths[path][method]
    op["responses"][code].setdefault("links",{})[name]={"operationId":opid,"parameters":params}
pp="$request.path.programmeID"
link("/api/v1/programmes","get","200","GetProgramme","getProgramme",{"programmeID":"$response.body#/0/id"})
for name,opid in [("GetStrategy","getStrategy"),("ListActions","listActions"),("ListIndicators","listIndicators"),("GetChecks","getChecks"),("GetFinance","getFinance")]:
    link("/api/v1/programmes/{programmeID}","get","200",name,opid,{"programmeID":"$response.body#/id"})
link("/api/v1/programmes/{programmeID}","get","200","GetAnnual","getAnnual",{"programmeID":"$response.body#/id","year":"$response.body#/startYear"})
for name,opid in [("GetAction","getAction"),("PatchAction","patchAction"),("RecordProgress","recordProgress")]:
    link("/api/v1/programmes/{programmeID}/actions","get","200",name,opid,{"programmeID":pp,"actionID":"$response.body#/0/action/id"})
for name,opid in [("GetIndicator","getIndicator"),("RecordMeasurement","recordMeasurement")]:
    link("/api/v1/programmes/{programmeID}/indicators","get","200",name,opid,{"programmeID":pp,"indicatorID":"$response.body#/0/id"})
doc={"openapi":"3.1.0","info":{"title":"Orama API","version":"1.0.0","description":"Το API του Orama για τα Επιχειρησιακά Προγράμματα των Δήμων (ΥΑ 41179/2014). Τα δημοσιευμένα προγράμματα διαβάζονται χωρίς σύνδεση· οι αλλαγές και τα σχέδια χρειάζονται προσωπικό κλειδί API (Authorization: Bearer), που δημιουργείται στη σελίδα /account/tokens, με τα δικαιώματα ρόλου και υπηρεσίας του χρήστη. Τα ποσά δίνονται σε λεπτά του ευρώ (…Cents). Τα σφάλματα έχουν πάντα τη μορφή {\"error\": {status, code, message}}."},
 "servers":[{"url":"/"}],"paths":paths,
 "components":{"schemas":schemas,"responses":{"Error":{"description":"Σφάλμα με σταθερή μορφή","content":{"application/json":{"schema":ref("Error")}}}},
   "securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer","description":"Προσωπικό κλειδί API (orama_…)"}}}}
# Write the document into the Swift source that serves it.
import pathlib, re
swift = pathlib.Path(__file__).resolve().parent.parent / "Sources/OramaApp/API/OpenAPIDocument.swift"
text = swift.read_text()
start = text.index('    static let json = ##"""\n') + len('    static let json = ##"""\n')
end = text.index('"""##')
swift.write_text(text[:start] + json.dumps(doc, ensure_ascii=False, indent=1) + "\n" + text[end:])
print(f"wrote {swift}")
