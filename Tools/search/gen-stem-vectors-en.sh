#!/bin/sh
# Writes Tests/vectors/stemmer-en.tsv: word<TAB>stem as Snowball's C library (libstemmer, the
# "english" algorithm, a.k.a. Porter2; Debian package libstemmer-dev) stems it. The words are all
# distinct words of the titles, summaries, descriptions, keywords and bodies of Content/**/*.en.md,
# lowercased (ä ö ü → a o u, ß → ss, other accents dropped, so that every word is [a-z']), plus a
# list of tricky words covering every Porter2 rule (the exceptions, gener-/commun-/arsen-, y
# between vowels, 's, -sses/-ied/-ies/-us/-ss/-s, -eed/-ed/-ing and their -ly forms, at/bl/iz,
# double consonants, short words, steps 2–5, very short words). Sorted by bytes (LC_ALL=C), no
# duplicates, so the file only changes when the content or the library does.
#
#   sh Tools/search/gen-stem-vectors-en.sh         (from the repository root)
#
# Needs gcc, python3 and libstemmer-dev.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - Content > "$tmp/words.txt" <<'EOF'
import re, sys, pathlib, unicodedata
root = pathlib.Path(sys.argv[1])
words = set()
letters = re.compile(r"[a-z']+")

def fold(s):
    s = s.lower().replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
    s = s.replace("\u2019", "'")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))

def add(text):
    # Apostrophes are kept where Snowball looks at them (a leading one, 's, a trailing one);
    # a word that is only apostrophes is no word.
    words.update(w for w in letters.findall(fold(text)) if re.search(r"[a-z]", w))

for md in sorted(root.rglob("*.en.md")):
    text = md.read_text(encoding="utf-8")
    body = text
    m = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    if m:
        body = text[m.end():]
        for line in m.group(1).splitlines():
            if re.match(r"(title|summary|description|keywords):", line):
                add(line.split(":", 1)[1])
    body = re.sub(r"\]\([^)]*\)", "]", body)          # link targets are not text
    body = re.sub(r"https?://\S+", " ", body)
    add(body)
tricky = """
a i o y ab as at be by do go he if in is it me my no of on or so to up us we ya ye yo
abs its the and you are was has his her our who why may say day eye ode use
skis skies ski sky dying lying tying die lie tie dies lies ties died lied tied idly gently ugly
early only singly news howe atlas cosmos bias andes
inning innings outing outings canning cannings herring herrings earring earrings proceed proceeds
proceeded proceeding proceedings exceed exceeds exceeded exceeding succeed succeeds succeeded
succeeding innings' outing's
generate generates generated generating generation generations general generally generous
generosity generic genetic gener genera communism communist communists community communities
communal commune communicate communication communications commun arsenal arsenals arsenic arsen
arsenate
youth youths young yes yellow yield yielded yielding yearly year years boy boys boyish toy toys
toying toyed saying sayings says said say enjoy enjoying enjoyed enjoyment employ employs employer
employers employed employing employment employee employees annoy annoyance annoyed buy buying buyer
buyers guy guys player players playing played prayer key keys monkey monkeys valley valleys
journey journeys obey obeyed obeying obeys abbey abbeys destroy destroyed destroying stayed staying
stays eyed eyes eyeing ayy sayyid yyy
cry cries cried crying try tries tried trying fly flies flying fry spy apply applies applied
applying applicant applicants application applications apply happy happily happiness reply replied
replies replying deny denied denies denying rely relied relies reliable reliability carry carried
carries carrying marry married marries marrying marriage marriages study studied studies studying
student students deputy deputies party parties city cities family families baby babies copy copies
copied body bodies lady ladies duty duties county counties
's 'tis 'twas o'clock dog's dogs' cat's parents' children's child's driver's citizen's citizens'
authority's authorities' john's james's's rock'n'roll ''s 'a' isn't don't can't won't we'll
caresses caress ponies pony ties tie cats cat gas gaps gap kiwis its this thus bus buses virus
viruses census gross grosses class classes pass passes passed passing passport passports bless
blesses glasses focus focuses bonus campus status abyss
agreed agree agreement feed feeds feeding fed need needed needing needs bleed bleeding freed
speed speedily speedy deed deeds indeed guaranteed guaranteedly decreed decree degree exceedingly
luxuriate luxuriated luxuriating hopped hopping hoped hoping hop hope hops hopes filing filling
filed filled file fill tanned tanning tan fitted fitting fit fitter hopeful planned planning
plan planner rubbed rubbing dubbed nodding added adding puffed puffing bragged tugging hummed
spinning stirred stirring batted batting buzzed buzzing fizzed fizzing hissed hissing sniffed
fixed fixing mixed taxed waxed sewed sewing snowed snowing played bowing towing
conflated conflating troubled troubling sized sizing realized realizing organized organizing
capsized enabled enabling disabled disabling located locating rated rating dated dating
debated debating abated ate ated ated' bled bling sled sing sings singing sang sung thing things
king kings ring rings bring brings bringing spring springs string strings sting stung
feeding heading reading reading ending bedding wedding shedding shed sheds need speed
motoring remembering offering offered covering covered opening opened listening listened
agreeing seeing fleeing being doing going dying eyeing
happily luckily angrily surprisingly exceedingly interestingly knowingly amazingly unexpectedly
allegedly reportedly supposedly markedly admittedly decidedly
tional relational conditional rational rationality national nationally nationality nationalities
valenci valencia hesitanci digitizer digitization digitizers organization organizations
operational operation operations operator operators predication generational conformabli
radically differentli vileli analogousli vietnamization optimization realization fulness
hopefulness usefulness carefulness callousness callously obviously obviousness famously
decisiveness decisively sensitiveness sensitivity sensitiviti activity activities positivity
formaliti formality formalities formalism sentimentalism vitalism centralism conformabli
vilely probably possible possibly ability abilities mobility responsibility responsibilities
visibility eligibility affordability liability liabilities sensibility stability
hopelessly endlessly hopelessness carelessly fearlessly lessli
analogi analogy analogies biology ecology apology apologies technology technologies geology
archaeology psychology logic logical logically logistics hopefully truthfully fulli
briefly quickly slowly easily clearly deeply early simply fully nicely rarely freely surely
partly mostly thoroughly quietly gladly sadly madly badly hardly wildly boldly mildly kindly
blindly openly evenly sullenly commonly certainly suddenly warmly firmly lovely smelly
ugly holy holly hilly silly jelly belly daily lily truly duly newly anomaly
electrical electricity electrically electricities historical historically practical
practically practicality critical critically criticality medical medically medicate
medication authenticate authenticity communicate duplicate duplicity elasticity
triplicate triplicity hopeful hopefulness goodness kindness darkness fitness business
businesses illness sadness awareness witness witnesses readiness openness happiness
formative formatively normative informative relative relatively alternative alternatives
creative creatively imaginative talkative representative representatives administrative
derivative conservative demonstrative initiative initiatives native natives
formalize formalized formalizing normalize normalized centralize centralized finalize
finalized realize legalize capitalize capitalized nationalize rationalize visualize
revival allowance allowances inference inferences airliner gyroscopic adjustable adjustability
defensible irritant replacement replacements adjustment adjustments dependent dependents
dependence independence independent adoption adoptions communism activate activated activation
angulariti angularity homologous homologously effective effectively effectiveness bowdlerize
bowdlerized terminal terminals terminate terminated termination principal principals
principle principles acceptance acceptable accepted accepting accept confidence confident
confidential difference different differently differentiate excellence excellent
tolerance tolerant tolerable resident residents residence residences residential
registration registrations register registered registering registers registry registrar
certificate certificates certification certified certify certifies certifying
permit permits permitted permitting permission permissions permissible admission admissions
decision decisions revision revisions television division divisions provision provisions
tension tensions extension extensions mansion mansions question questions suggestion
suggestions digestion exhaustion combustion congestion fashion cushion onion union unions
opinion opinions region regions religion religions champion champions million millions
evaluation evaluations naturalisation naturalization naturalise naturalised naturalize
naturalized nation nations station stations relation relations ration rations
controller controllers roll rolls rolled rolling control controlled controlling
fall falls falling fell feel feels feeling feelings fulfil fulfill fulfilled fulfilment
spell spelled spelling skill skills skilled skilful skillful install installed installing
installation installations will willing willingly well wall walls small smaller smallest
rate rates rated create creates created creation relate related relates relating
debate debates estate estates state states stated statement statements parental parent
parents parenting parenthood childhood children child neighbourhood neighborhood
neighbour neighbours neighbouring likelihood livelihood hood hoods
passport registration residence applying applications certificates marriage vehicle vehicles
allowance benefit benefits benefited benefiting business trade trades trading traded trader
driving drive drives driver drivers drove driven licence licences licenced licensing license
licensed licenses housing house houses housed student students citizen citizens citizenship
permits permit insurance insured insure pension pensions tax taxes taxation taxable income
incomes employment unemployment unemployed childcare kindergarten school schools schooling
municipal municipality municipalities authority authorities authorise authorised authorize
authorized authorization authorisation office offices official officially officials
appointment appointments document documents documentation documented identity identities
identification identify identified card cards fee fees form forms online
proof proofs deadline deadlines requirement requirements required requires requiring
responsible responsibility responsibilities apply applied submission submit submitted
submitting process processes processed processing procedure procedures processor
dog dogs owner owners ownership building buildings build builds built construction
constructions permit permission planning approval approvals approve approved approving
wedding weddings marry married civil registry registrar birth births death deaths
moving move moved moves mover removal removals relocation relocate address addresses
addressed accessibility accessible access accessed privacy data protection protected
legal legally legality imprint notice notices easy easier easiest language languages
generous generously generosity grants granted granting grant
a' aa aaa aah ab' ed ing ly ies ied sss ssss es xs xes ies's ss' sses
"""
words.update(tricky.split())
for w in sorted(words, key=lambda s: s.encode("utf-8")):
    print(w)
EOF

sh Tools/search/libstemmer-stem.sh english Tests/vectors/stemmer-en.tsv Tools/search/gen-stem-vectors-en.sh < "$tmp/words.txt"
