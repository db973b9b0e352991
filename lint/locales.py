"""Which folder and file names are locales: `fr-fr` and `sr-latn-rs` are; `how-to`, `set-up`, `my-docs` are not.

A path is full of words shaped like a locale (a checkout in `/work/ci-main`, a folder `how-to`); only one whose
language, script and region are all real codes is taken for one. The codes are ISO's, as pycountry 26.2 lists them,
with the three-letter languages of the Unicode CLDR's locales (Babel 2.18).
"""

from __future__ import annotations

from lint.text import canonical_locale

_LANGUAGES = """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
    eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
    jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
    nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so
    sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu agq
    ann apc arn asa ast bal bas bem bew bez bgc bgn bho blo blt brx bss byn cad cch ccp ceb cgg cho chr cic ckb cop
    csw dav dje doi dsb dua dyo ebu ewo fil frr fur gaa gez gsw guz haw hnj hsb jbo jgo jmc kaa kab kaj kam kcg kde
    kea ken kgp khq kkj kln kok kpe ksb ksf ksh kxv lag lij lkt lld lmo lrc ltg luo luy mai mas mdf mer mfe mgh mgo
    mhn mic mni moh mua mus myv mzn naq nds nmg nnh nqo nso nus nyn osa pap pcm pis prg prs quc qut quz raj rhg rif
    rof rwk sah saq sat sbp scn sdh seh ses shi shn sid skr sma smj smn sms ssy syr szl teo tig tok tpi trv trw twq
    tyv tzm vai vec vmw vun wae wal wbp xnr xog yav yrl yue zgh
    in iw ji jw mo
"""  # ISO 639-1 (with the withdrawn in, iw, ji, jw, mo that Java still writes), CLDR's three-letter languages, Microsoft's prs, quz, qut

_SCRIPTS = """
    Adlm Afak Aghb Ahom Arab Aran Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Blis Bopo Brah Brai Bugi Buhd
    Cakm Cans Cari Cham Cher Chis Chrs Cirt Copt Cpmn Cprt Cyrl Cyrs Deva Diak Dogr Dsrt Dupl Egyd Egyh Egyp Elba
    Elym Ethi Gara Geok Geor Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hanb Hang Hani Hano Hans Hant Hatr Hebr
    Hira Hluw Hmng Hmnp Hntl Hrkt Hung Inds Ital Jamo Java Jpan Jurc Kali Kana Kawi Khar Khmr Khoj Kitl Kits Knda
    Kore Kpel Krai Kthi Lana Laoo Latf Latg Latn Leke Lepc Limb Lina Linb Lisu Loma Lyci Lydi Mahj Maka Mand Mani
    Marc Maya Medf Mend Merc Mero Mlym Modi Mong Moon Mroo Mtei Mult Mymr Nagm Nand Narb Nbat Newa Nkdb Nkgb Nkoo
    Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Pcun Pelm Perm Phag Phli Phlp Phlv Phnx Piqd Plrd Prti
    Psin Ranj Rjng Rohg Roro Runr Samr Sara Sarb Saur Seal Sgnw Shaw Shrd Shui Sidd Sidt Sind Sinh Sogd Sogo Sora
    Soyo Sund Sunu Sylo Syrc Syre Syrj Syrn Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Teng Tfng Tglg Thaa Thai
    Tibt Tirh Tnsa Todr Tols Toto Tutg Ugar Vaii Visp Vith Wara Wcho Wole Xpeo Xsux Yezi Yiii
"""  # ISO 15924, less its private-use and special codes (Qaaa-Qabx, Z...)

_REGIONS = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
    FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
    JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
    MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
    TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    DG EA IC XK
"""  # ISO 3166-1 alpha-2, and CLDR's DG EA IC XK; UN M.49 areas are any three digits

LANGUAGES, SCRIPTS, REGIONS = (frozenset(codes.split()) for codes in (_LANGUAGES, _SCRIPTS, _REGIONS))


def path_locale(text: str) -> str | None:
    """`canonical_locale` of a folder or file-name part, when each of its subtags is a real code."""
    locale = canonical_locale(text)
    if locale is None:
        return None
    language, *rest = locale.split("-")
    return locale if language in LANGUAGES and all(_known(subtag) for subtag in rest) else None


def _known(subtag: str) -> bool:
    return subtag in SCRIPTS if len(subtag) == 4 else subtag.isdigit() or subtag in REGIONS
