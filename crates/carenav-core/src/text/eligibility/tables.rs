//! The phrases the eligibility reader knows, one table per kind of
//! constraint: data, read by the engine in `super`. Pattern syntax: see the
//! module docs of `super`.

use crate::eligibility::{Confidence, RequirementKind};
use crate::situation::{Gender, Situation};

/// Shapes of age phrases; numbers come from `#` slots in order.
#[derive(Debug, Clone, Copy)]
pub(super) enum AgeShape {
    /// `#` or over.
    Min,
    /// `#` or under.
    Max,
    /// `#` to `#`.
    Between,
    /// Birth to `#`.
    FromBirth,
    /// "Adults": 18 or over, implied by a noun (an explicit age wins).
    Adult,
    /// Under `#`: at most one year less.
    Under,
    /// `#` and a half to `#` ("2 1/2 - 12").
    HalfBetween,
    /// Old enough to vote: 18 or over, stated (not implied by a noun).
    Voting,
    /// `#` months to `#` years: from the whole years of the first.
    MonthsBetween,
}

/// Age phrases.
pub(super) const AGE: &[(&str, AgeShape)] = &[
    (
        "age|ages|aged? # or|and|& over|older|above|up",
        AgeShape::Min,
    ),
    ("age|ages|aged? # years|yrs and|or up", AgeShape::Min),
    ("over|above age? #", AgeShape::Min),
    ("over|above the age of #", AgeShape::Min),
    ("aged|age # +", AgeShape::Min),
    ("under age? #", AgeShape::Under),
    ("# years|yrs of age or|and over|older", AgeShape::Min),
    ("age|ages? # years|yrs or|and over|older", AgeShape::Min),
    (
        "age|ages? # years|yrs of age or|and over|older",
        AgeShape::Min,
    ),
    ("age|ages? # +", AgeShape::Min),
    ("age|ages? # or|and under|younger|below", AgeShape::Max),
    ("age|ages? # years|yrs or|and under|younger", AgeShape::Max),
    ("age|ages|aged? # - # years|yrs? old?", AgeShape::Between),
    (
        "age|ages|aged? # to|through # years|yrs? old?",
        AgeShape::Between,
    ),
    // "5 to 18 years of age", "between 18 and 24 years old" (not
    // "between 9 and 11 am": the years say it is an age).
    (
        "age|ages|aged? # to|through|- # years|yrs of age",
        AgeShape::Between,
    ),
    ("between # and # years|yrs old|of? age?", AgeShape::Between),
    ("under the age of #", AgeShape::Under),
    ("younger than #", AgeShape::Under),
    ("older than #", AgeShape::Min),
    ("# years|yrs old or|and older|over|up", AgeShape::Min),
    ("maximum age #", AgeShape::Max),
    ("between the? ages of? # and #", AgeShape::Between),
    (
        "youth|youths|children|kids|teens|adults|persons|people|individuals between # and #",
        AgeShape::Between,
    ),
    ("age|ages? birth - #", AgeShape::FromBirth),
    ("age|ages? birth to|through age? #", AgeShape::FromBirth),
    ("birth to|through|- age? #", AgeShape::FromBirth),
    ("adult|adults", AgeShape::Adult),
    // "Shelter for adults", "single adults": who a place takes, read even
    // in a sentence read only in part (module docs, scanning).
    ("for single? adult|adults", AgeShape::Adult),
    ("adult|adults shelter|shelters", AgeShape::Adult),
    // A bare range or bound after "must be" is an age ("Must be 18-27 and
    // capable of strenuous work", "Must be 50+").
    ("must be # - # years|yrs? old?", AgeShape::Between),
    ("must be # + years|yrs? old?", AgeShape::Min),
    ("must be # or|and over|older", AgeShape::Min),
    ("single adult|adults", AgeShape::Adult),
    ("adult|adults only", AgeShape::Adult),
    (
        "age|ages? # 1 / 2 - # years|yrs? old?",
        AgeShape::HalfBetween,
    ),
    (
        "age|ages? # 1 / 2 to|through # years|yrs? old?",
        AgeShape::HalfBetween,
    ),
    ("voting age", AgeShape::Voting),
    // "3-5 year olds", "18 year olds and over".
    ("# - # year|years|yr|yrs olds", AgeShape::Between),
    (
        "# year|years|yr|yrs olds and|or over|older|up",
        AgeShape::Min,
    ),
    ("up to age #", AgeShape::Max),
    ("up to # years|yrs of age|old", AgeShape::Max),
    (
        "minimum age for? membership? is? # years|yrs?",
        AgeShape::Min,
    ),
    // "Age 4 through high school": from that age, up to a school stage.
    ("age|ages # through|to high school", AgeShape::Min),
    ("at least # years|yrs old|of? age?", AgeShape::Min),
    (
        "age|ages? # months - # years|yrs? old?",
        AgeShape::MonthsBetween,
    ),
    (
        "age|ages? # months to|through # years|yrs? old?",
        AgeShape::MonthsBetween,
    ),
    // Weeks count as months here: both are under a year.
    (
        "age|ages? # weeks to|through|- # years|yrs? old?",
        AgeShape::MonthsBetween,
    ),
];

/// Gender phrases.
pub(super) const GENDER: &[(&str, Gender)] = &[
    // Transgender women are women: "women and transgender women" is one gender.
    ("women|woman and|& transgender women|woman", Gender::Female),
    (
        "women|woman|female|females|girls|girl|ladies",
        Gender::Female,
    ),
    ("men|man|male|males|boys|boy", Gender::Male),
    // "Female-identified or female-bodied welcome".
    (
        "female -? identified|bodied or|and female -? identified|bodied",
        Gender::Female,
    ),
    ("female -? identified|bodied", Gender::Female),
];

/// The peoples a group may be named by (one list for [`POPULATION`]'s
/// rows and [`PEOPLES`]).
macro_rules! peoples {
    () => {
        "latino|latina|latinos|latinas|latinx|hispanic|chinese|filipino|vietnamese|korean|japanese|samoan|tongan|arab|russian|jewish|swedish|armenian|cambodian|laotian|ethiopian|eritrean|somali|iranian|afghan|hmong|mien|burmese|nepali|bhutanese|haitian|ukrainian|polish|mexican|salvadoran|guatemalan|honduran|cuban|muslim"
    };
}

/// A wish to stop, however said ("Desire to stop", "Must want to quit"),
/// before what is to be stopped.
macro_rules! wish_to_quit {
    () => {
        "a? desire|want|wants|wanting|wish|wishes to stop|quit"
    };
}

/// Plain words to the client saying who may come ("You can get help if",
/// "You may join if"), before what the client is or has.
macro_rules! you_may_come_if {
    () => {
        "you can|may get? help|apply|join|qualify|enroll|participate|come|attend if"
    };
}

/// Languages whose speakers directories name as a community
/// ("Chinese-speaking family", "Swedish speaking").
macro_rules! languages {
    () => {
        "spanish|chinese|cantonese|mandarin|vietnamese|korean|russian|tagalog|japanese|arabic|farsi|portuguese|samoan|tongan|swedish|armenian|khmer|amharic|tigrinya|somali"
    };
}

/// Population phrases. Seniors, children and youth also imply an age; an
/// explicit age in the same sentence replaces them ("Seniors 55+").
pub(super) const POPULATION: &[(&str, Situation)] = &[
    ("homeless", Situation::Homeless),
    ("literally homeless", Situation::Homeless),
    // "households who will lose their housing within 14 days".
    (
        "will|would lose their|his|her housing|home",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "about to lose their|his|her housing|home",
        Situation::AtRiskOfHomelessness,
    ),
    ("unhoused", Situation::Homeless),
    // Where someone sleeps who has no home ("living on the street or in
    // shelters", "living in a car").
    ("living|sleeping on the street|streets", Situation::Homeless),
    (
        "living|sleeping on the street|streets or|and in a? shelter|shelters|car|cars",
        Situation::Homeless,
    ),
    (
        "living|sleeping in a|their? shelter|shelters|car|cars|vehicle|vehicles",
        Situation::Homeless,
    ),
    (
        "living|sleeping in a|their? shelter|shelters|car|cars|vehicle|vehicles or|and a? shelter|shelters|car|cars|vehicle|vehicles",
        Situation::Homeless,
    ),
    ("foreign -? born", Situation::Immigrant),
    // "DD adults 18+", "adults with IDD" (not "DD-214": a veteran's paper).
    (
        "dd|idd adult|adults|persons|individuals|clients|determination",
        Situation::DevelopmentalDisability,
    ),
    ("i / dd|idd", Situation::DevelopmentalDisability),
    ("who are intoxicated", Situation::SubstanceUse),
    ("in withdrawal", Situation::SubstanceUse),
    ("living|sleeping outside|outdoors", Situation::Homeless),
    (
        "living|sleeping outside|outdoors or|and in their|a? vehicles|vehicle|cars|car",
        Situation::Homeless,
    ),
    (
        "dv|domestic violence shelter|shelters",
        Situation::DomesticViolenceSurvivor,
    ),
    // "DV/IPV survivor of any gender".
    (
        "dv|ipv / ipv|dv survivor|survivors|victim|victims of? any? gender?",
        Situation::DomesticViolenceSurvivor,
    ),
    ("detained", Situation::InCustody),
    ("parishioner|parishioners", Situation::Member),
    ("spinal cord injury|injuries", Situation::PhysicalDisability),
    (
        "without legal? immigration status|papers|documents",
        Situation::Undocumented,
    ),
    (
        "enrolled in a|an ged|esl program|programs|class|classes",
        Situation::Student,
    ),
    // "a student enrolled at Portland Community College".
    ("student|students enrolled at|in $", Situation::Student),
    // About to leave: still inside ("Persons being released from jail").
    (
        "being|soon released from jail|prison or|and? jail|prison?",
        Situation::InCustody,
    ),
    (
        "addicted to drugs|alcohol|substances or|and? drugs|alcohol?",
        Situation::SubstanceUse,
    ),
    // The problem named first ("Alcohol and/or drug problem"), and opioids.
    (
        "alcohol|drug and|or|/ /? or? drug|alcohol problem|problems|abuse|addiction|dependency|dependence",
        Situation::SubstanceUse,
    ),
    (
        "opioid|opiate|heroin dependence|dependency|addiction|use disorder|disorders?",
        Situation::SubstanceUse,
    ),
    ("service member|members", Situation::Military),
    ("at risk of homelessness", Situation::AtRiskOfHomelessness),
    (
        "about|soon to become|be homeless",
        Situation::AtRiskOfHomelessness,
    ),
    ("inadequately housed", Situation::AtRiskOfHomelessness),
    ("experiencing homelessness", Situation::Homeless),
    ("veteran|veterans", Situation::Veteran),
    ("honorably discharged veteran|veterans", Situation::Veteran),
    ("have had military service", Situation::Veteran),
    // The discharge papers only a veteran has.
    ("must? have a? dd -? 214 required?", Situation::Veteran),
    // The proof only someone with the diagnosis has.
    (
        "must? have proof|documentation|verification of hiv|aids status|diagnosis",
        Situation::HivAids,
    ),
    ("military|servicemembers", Situation::Military),
    ("military personnel|families?", Situation::Military),
    ("active duty military?", Situation::Military),
    ("senior|seniors|elderly|elder|elders", Situation::Senior),
    (
        "senior|older citizen|citizens|adult|adults",
        Situation::Senior,
    ),
    (
        "youth|youths|teen|teens|teenager|teenagers|adolescent|adolescents",
        Situation::Youth,
    ),
    ("young adult|adults|people", Situation::Youth),
    ("child|children|kids|minors", Situation::Child),
    ("family|families", Situation::FamilyWithChildren),
    ("pregnant", Situation::Pregnant),
    // After a birth: a parent ("pregnant and postpartum women", WIC's
    // words).
    ("postpartum|postnatal", Situation::Parenting),
    ("pregnant women|woman", Situation::Pregnant),
    ("expectant mothers|mother|parents", Situation::Pregnant),
    ("parents|parenting", Situation::Parenting),
    // "Must be a parent or legal guardian".
    (
        "parent|parents or|and legal? guardian|guardians",
        Situation::Parenting,
    ),
    ("legal guardian|guardians", Situation::Parenting),
    ("disabled|handicapped", Situation::Disability),
    ("with a? disability|disabilities", Situation::Disability),
    // "persons w/ disabilities of any age".
    (
        "with a? disability|disabilities of any age",
        Situation::Disability,
    ),
    (
        "living with a? disability|disabilities",
        Situation::Disability,
    ),
    ("legally? blind", Situation::BlindLowVision),
    ("visually impaired", Situation::BlindLowVision),
    ("low vision", Situation::BlindLowVision),
    ("deaf", Situation::DeafHardOfHearing),
    ("hard of hearing", Situation::DeafHardOfHearing),
    ("hearing impaired", Situation::DeafHardOfHearing),
    (
        "hearing impairment|impairments",
        Situation::DeafHardOfHearing,
    ),
    ("mobility impaired", Situation::PhysicalDisability),
    (
        "mobility impairment|impairments",
        Situation::PhysicalDisability,
    ),
    (
        "physical limitation|limitations",
        Situation::PhysicalDisability,
    ),
    (
        "with? autism spectrum? disorder|disorders?",
        Situation::DevelopmentalDisability,
    ),
    (
        "with? autism spectrum? disorder? or a? related|other communication|developmental disorder|disorders",
        Situation::DevelopmentalDisability,
    ),
    ("infant|infants|babies|toddlers", Situation::Child),
    ("deaf or hard of hearing", Situation::DeafHardOfHearing),
    ("physically disabled", Situation::PhysicalDisability),
    ("amputee|amputees", Situation::PhysicalDisability),
    (
        "with a? physical disability|disabilities",
        Situation::PhysicalDisability,
    ),
    (
        "developmentally disabled",
        Situation::DevelopmentalDisability,
    ),
    (
        "with a? developmental disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    (
        "developmental disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    // Open Eligibility's situation terms, written alone in a field.
    (
        "physical disability|disabilities",
        Situation::PhysicalDisability,
    ),
    (
        "intellectual disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    (
        "seriously|severely|chronically|persistently? mentally ill",
        Situation::SeriousMentalIllness,
    ),
    ("smi", Situation::SeriousMentalIllness),
    (
        "with? a? serious|severe|persistent|chronic mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    (
        "with a? serious mental illness",
        Situation::SeriousMentalIllness,
    ),
    (
        "with? a? serious|severe and|or|& persistent|chronic mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    ("hiv|aids", Situation::HivAids),
    ("hiv / aids", Situation::HivAids),
    ("hiv positive|+", Situation::HivAids),
    ("living with hiv", Situation::HivAids),
    ("living with hiv / aids", Situation::HivAids),
    ("in recovery", Situation::InRecovery),
    ("in early recovery", Situation::InRecovery),
    ("clean and|& sober", Situation::InRecovery),
    ("sober", Situation::InRecovery),
    // How long: "clean and sober 30 days", "sober for at least 90 days".
    (
        "clean and|& sober for? at? least? # days|months|years|year",
        Situation::InRecovery,
    ),
    (
        "sober for? at? least? # days|months|years|year",
        Situation::InRecovery,
    ),
    ("blind or|and visually impaired", Situation::BlindLowVision),
    (
        "must? have a? diagnosis of a? serious|severe|persistent mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    (
        "diagnosed with a? serious|severe|persistent mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    ("clean|sober time", Situation::InRecovery),
    // The time first: "30 days clean time", "90 days sober", "6 months of
    // sobriety", "clean for 30 days".
    (
        "at? least? # days|months|years|year of? clean|sober|sobriety time?",
        Situation::InRecovery,
    ),
    (
        "# days|months|years|year clean and|& sober",
        Situation::InRecovery,
    ),
    (
        "clean|abstinent for? at? least? # days|months|years|year",
        Situation::InRecovery,
    ),
    (
        "minimum # days|months|years|year of? sobriety|sober|clean",
        Situation::InRecovery,
    ),
    (
        "with|suffering|from? drug|alcohol|substance|chemical abuse|addiction|problem|problems|dependency",
        Situation::SubstanceUse,
    ),
    (
        "with|suffering|from? drug|alcohol or|and|/ drug|alcohol|substance abuse|addiction|problem|problems",
        Situation::SubstanceUse,
    ),
    (
        "alcohol or|and|/ substance abuse|addiction|problem|problems",
        Situation::SubstanceUse,
    ),
    ("fleeing violence", Situation::DomesticViolenceSurvivor),
    (
        "mobility impaired|impairment|impairments|limitation|limitations|disability|disabilities",
        Situation::PhysicalDisability,
    ),
    (
        "leaving|fleeing|escaping domestic violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "leaving|fleeing|escaping dv",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "domestic violence victims|survivors",
        Situation::DomesticViolenceSurvivor,
    ),
    ("dv victims|survivors", Situation::DomesticViolenceSurvivor),
    (
        "victims|survivors of dv",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "at risk of domestic violence",
        Situation::DomesticViolenceSurvivor,
    ),
    ("crime victim|victims", Situation::CrimeVictim),
    // ILAO's wording, with its gloss.
    (
        "survivor of abuse or crime domestic violence , trafficking , sexual assault , gun violence",
        Situation::CrimeVictim,
    ),
    ("refugee|refugees", Situation::Refugee),
    ("asylee|asylees", Situation::Asylee),
    ("asylum seeker|seekers", Situation::Asylee),
    ("immigrant|immigrants", Situation::Immigrant),
    ("immigrant|immigrants to the u . s .?", Situation::Immigrant),
    ("undocumented", Situation::Undocumented),
    // The adjective narrows: an immigrant with papers is not served.
    ("undocumented immigrant|immigrants", Situation::Undocumented),
    // Who is not (yet) a citizen.
    ("noncitizen|noncitizens", Situation::Immigrant),
    ("non citizen|citizens", Situation::Immigrant),
    (
        "who? need|needs|seek|seeking|want|wants to naturalize",
        Situation::Immigrant,
    ),
    (
        "who? need|needs|seek|seeking|want|wants to become a? citizen|citizens",
        Situation::Immigrant,
    ),
    (
        "naturalization|citizenship applicant|applicants",
        Situation::Immigrant,
    ),
    ("formerly incarcerated", Situation::JusticeInvolved),
    ("ex offender|offenders", Situation::JusticeInvolved),
    // "DUI offenders", "first-time offenders" (not "sex offenders": a
    // topic as often, "sex offender registration").
    (
        "dui|dwi|nonviolent offender|offenders",
        Situation::JusticeInvolved,
    ),
    (
        "first -? time offender|offenders",
        Situation::JusticeInvolved,
    ),
    (
        "non -? violent offender|offenders",
        Situation::JusticeInvolved,
    ),
    ("justice involved", Situation::JusticeInvolved),
    (
        "parolee|parolees|probationer|probationers",
        Situation::JusticeInvolved,
    ),
    // "People on federal parole, probation or supervised release".
    (
        "on federal|state? parole|probation ,? parole|probation? ,? or supervised release",
        Situation::JusticeInvolved,
    ),
    ("on supervised release", Situation::JusticeInvolved),
    (
        "currently? in jail|prison or|and|/ jail|prison",
        Situation::InCustody,
    ),
    (
        "juvenile detention center|centers|facility|facilities",
        Situation::InCustody,
    ),
    ("in custody", Situation::InCustody),
    (
        "youth|juveniles|minors? in juvenile? detention|hall|custody",
        Situation::InCustody,
    ),
    ("inmate|inmates", Situation::InCustody),
    (
        "former|formerly|ex inmate|inmates|prisoner|prisoners",
        Situation::JusticeInvolved,
    ),
    ("in the $ jail", Situation::InCustody),
    ("released from", Situation::JusticeInvolved),
    (
        "leaving|exiting prison|jail or? prison|jail?",
        Situation::JusticeInvolved,
    ),
    ("charged or convicted", Situation::JusticeInvolved),
    // A delinquent minor ("Ward of the Juvenile Court"), one awaiting trial.
    (
        "ward|wards of the juvenile court",
        Situation::JusticeInvolved,
    ),
    (
        "subject of? pending criminal action|actions|charges|case|cases",
        Situation::JusticeInvolved,
    ),
    ("must? be a member", Situation::Member),
    ("must also be a member", Situation::Member),
    ("$ member|members", Situation::Member),
    ("members only", Situation::Member),
    // "shelter guests only": its residents, no one else.
    ("shelter guests|residents|clients only", Situation::Member),
    // Of a named club, association or plan ("Membership in ASQ", "Must
    // be a member in good standing of CAMFT").
    ("membership in $", Situation::Member),
    ("$ member|members in good standing", Situation::Member),
    ("must? be a? member|members of|in the? $", Situation::Member),
    (
        "must? be a? member|members in good standing of|with the? $",
        Situation::Member,
    ),
    ("member|members of the $", Situation::Member),
    (
        "registered democrat|democrats|republican|republicans",
        Situation::Member,
    ),
    (
        "must? be? a? member|members of the|our|this? parish|congregation|church|union|lodge|club",
        Situation::Member,
    ),
    // A named congregation or parish ("Member of Congregation Beth Am",
    // "Must be a member of St. Anne's parish"; the longest row read at a
    // word wins, so each says "must be a" too).
    (
        "must? be? a? member|members of congregation|temple|church|synagogue|mosque $",
        Situation::Member,
    ),
    (
        "must? be? a? member|members of the? $ parish|church|congregation|temple|synagogue|mosque|union|lodge|club",
        Situation::Member,
    ),
    (
        "open only to residents / clients / students",
        Situation::Member,
    ),
    ("of $ descent", Situation::CulturalCommunity),
    // "Membership: Italian descent", "Czech/Slovak ancestry".
    ("$ descent|ancestry|heritage", Situation::CulturalCommunity),
    ("american indian|indians", Situation::CulturalCommunity),
    ("native american|americans", Situation::CulturalCommunity),
    ("parent|parents of a? child|children", Situation::Parenting),
    ("must be a parent|guardian", Situation::Parenting),
    (
        "currently? enrolled in school|college|university",
        Situation::Student,
    ),
    ("raising the child of a relative", Situation::Caregiver),
    ("grandparents caring for", Situation::Caregiver),
    (
        "caring for a|their? minor? relative|grandchild|grandchildren",
        Situation::Caregiver,
    ),
    ("student|students", Situation::Student),
    (
        "college|university|graduate|undergraduate student|students",
        Situation::Student,
    ),
    ("active in job search", Situation::Unemployed),
    ("lack of health insurance", Situation::Uninsured),
    ("unemployed", Situation::Unemployed),
    ("uninsured", Situation::Uninsured),
    ("foster youth", Situation::FosterYouth),
    (
        "current and|or? former? foster youth",
        Situation::FosterYouth,
    ),
    (
        "parents|guardians and|or|/ parents|guardians of a? child|children|infants|toddlers|babies",
        Situation::Parenting,
    ),
    (
        "developmental delay|delays",
        Situation::DevelopmentalDisability,
    ),
    // Held by the authorities: "Detained youth ages 12-17".
    (
        "detained youth|youths|juveniles|minors|adults|individuals|persons|immigrants",
        Situation::InCustody,
    ),
    // "Lawful permanent residents seeking citizenship".
    (
        "lawful|legal permanent resident|residents",
        Situation::Immigrant,
    ),
    ("sr|senior citizen|citizens", Situation::Senior),
    // A military family is the service member's ("Spouses and children of
    // deployed service members").
    (
        "spouses|children|families|dependents and|or? spouses|children|families|dependents? of deployed|active? duty? service members",
        Situation::Military,
    ),
    (
        "spouses|children|families|dependents and|or? spouses|children|families|dependents? of deployed|active? duty? servicemembers|troops",
        Situation::Military,
    ),
    (
        "full|part -? time college|university? student|students",
        Situation::Student,
    ),
    ("k -|through 12 student|students", Situation::Student),
    ("caregiver|caregivers|caretakers", Situation::Caregiver),
    ("dyslexic|dyslexia", Situation::Disability),
    (
        "other? learning disability|disabilities",
        Situation::Disability,
    ),
    (
        "lgbt|lgbtq|glbt|lgbtqia|lgbtqi|lgbtq2|lgbtq2s|lgbtqia2s|lgbtqi2s",
        Situation::Lgbtq,
    ),
    (
        "gay|lesbian|bisexual|bi|transgender|trans|queer|questioning|nonbinary|intersex",
        Situation::Lgbtq,
    ),
    (
        "alcoholic|alcoholics|addict|addicts",
        Situation::SubstanceUse,
    ),
    (
        "recovering from addiction|alcoholism|drugs|alcohol",
        Situation::InRecovery,
    ),
    ("recovering from substance abuse|use", Situation::InRecovery),
    ("laid -? off worker|workers", Situation::Unemployed),
    (
        "dislocated|displaced worker|workers|homemaker|homemakers",
        Situation::Unemployed,
    ),
    (
        "abused child|children|elder|elders|women|woman|spouse|spouses",
        Situation::CrimeVictim,
    ),
    ("elder abuse victim|victims", Situation::CrimeVictim),
    (
        "visual|vision impairment|impairments|loss",
        Situation::BlindLowVision,
    ),
    (
        "hearing impairment|impairments|loss",
        Situation::DeafHardOfHearing,
    ),
    (
        "teen|teenage|young parent|parents|mother|mothers|father|fathers",
        Situation::Parenting,
    ),
    ("lgbtq +", Situation::Lgbtq),
    // Variants of the groups above as directories commonly word them.
    (
        "lgbtqi|lgbtqia|lgbtq2s|gay|lesbian|bisexual|transgender|queer",
        Situation::Lgbtq,
    ),
    ("chronically homeless", Situation::Homeless),
    ("at risk youth|teens|teenagers", Situation::Youth),
    (
        "juvenile|youthful offender|offenders|delinquents",
        Situation::JusticeInvolved,
    ),
    ("emotionally disturbed", Situation::Disability),
    ("unsheltered|houseless", Situation::Homeless),
    ("without housing|shelter", Situation::Homeless),
    (
        "at imminent? risk of homelessness|eviction",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "at imminent? risk of losing their|his|her|your? housing|home",
        Situation::AtRiskOfHomelessness,
    ),
    ("facing eviction", Situation::AtRiskOfHomelessness),
    ("behind on|in their? rent", Situation::AtRiskOfHomelessness),
    // "Tenants facing eviction" (not "tenants" alone, nor the singular a
    // table would then know: "Landlord-Tenant" is a topic, and a word the
    // tables know ends a place's name).
    (
        "tenants|renters facing|threatened with? eviction",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "tenants|renters behind on|in their? rent",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "marginally|unstably|precariously housed",
        Situation::AtRiskOfHomelessness,
    ),
    // "residents facing housing eviction", "homeowners facing foreclosure".
    (
        "facing housing? eviction|foreclosure|evictions",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "threatened with housing? eviction|foreclosure",
        Situation::AtRiskOfHomelessness,
    ),
    // Not yet homeless: "near homeless", "at risk of becoming homeless".
    ("near homeless", Situation::AtRiskOfHomelessness),
    (
        "at imminent? risk of becoming|being homeless",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "on probation|parole or|and probation|parole",
        Situation::JusticeInvolved,
    ),
    (
        "gender nonconforming|nonbinary|expansive|variant|fluid",
        Situation::Lgbtq,
    ),
    ("gender non conforming|binary", Situation::Lgbtq),
    (
        "human? trafficking victims|survivors",
        Situation::CrimeVictim,
    ),
    ("with limited mobility", Situation::PhysicalDisability),
    (
        "with an? intellectual disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    (
        "intellectually disabled",
        Situation::DevelopmentalDisability,
    ),
    (
        "parish|church|congregation|union|club member|members",
        Situation::Member,
    ),
    ("vets", Situation::Veteran),
    ("service members|member|servicemember", Situation::Military),
    ("armed forces|reservists", Situation::Military),
    ("elder|elders", Situation::Senior),
    ("transition age youth", Situation::Youth),
    ("tay", Situation::Youth),
    (
        "former|emancipated|emancipating|current foster youth|children",
        Situation::FosterYouth,
    ),
    ("in extended? foster care", Situation::FosterYouth),
    (
        "youth? aging|aged out of foster care",
        Situation::FosterYouth,
    ),
    ("emancipated youth", Situation::FosterYouth),
    (
        "emancipating|transitioning|exiting from|out? of? foster care",
        Situation::FosterYouth,
    ),
    (
        "grandparent|grandparents|relative|relatives raising grandchildren|grandchild|children|child|kids",
        Situation::Caregiver,
    ),
    (
        "relative|kinship|family caregiver|caregivers",
        Situation::Caregiver,
    ),
    ("expectant mother|mothers", Situation::Pregnant),
    ("expecting", Situation::Pregnant),
    ("new mothers|parents", Situation::Parenting),
    ("pregnant or parenting", Situation::Pregnant),
    ("be? expecting a child|baby", Situation::Pregnant),
    ("sexual assault victims|survivors", Situation::CrimeVictim),
    (
        "living? with a? mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    (
        "with a? psychiatric disability|disabilities",
        Situation::SeriousMentalIllness,
    ),
    (
        "with? a? mental health disability|disabilities",
        Situation::SeriousMentalIllness,
    ),
    (
        "with|from? drug|alcohol|substance abuse|use problem|problems|issues|disorder|disorders",
        Situation::SubstanceUse,
    ),
    ("alcoholics|addicts", Situation::SubstanceUse),
    (
        "with current|active drug|alcohol|substance abuse|use problem|problems|issues|disorder",
        Situation::SubstanceUse,
    ),
    // Co-occurring: the substance use is the part carenav can check.
    (
        "with current|active? drug|alcohol|substance abuse|use problem|problems|issues|disorder and mental health issues|problems|disorders",
        Situation::SubstanceUse,
    ),
    (
        "an? addiction to alcohol|drugs|substance|substances",
        Situation::SubstanceUse,
    ),
    ("active drug|alcohol users|user", Situation::SubstanceUse),
    (
        "who actively|currently? use|uses drugs|alcohol|opioids|substances",
        Situation::SubstanceUse,
    ),
    ("currently detained", Situation::InCustody),
    // "youth who are held at the Lucas County Juvenile Detention Center".
    (
        "who are|is held|detained|incarcerated|confined",
        Situation::InCustody,
    ),
    // "who have been arrested or cited", "people charged with a crime".
    (
        "who have|has been arrested|cited|charged|convicted or? arrested|cited|charged|convicted?",
        Situation::JusticeInvolved,
    ),
    (
        "charged with a? crime|crimes|offense|offenses|felony|misdemeanor",
        Situation::JusticeInvolved,
    ),
    ("granted asylum", Situation::Asylee),
    (
        "youth|children|teens|minors in|from foster care",
        Situation::FosterYouth,
    ),
    (
        "aging|aged|age|ages out of foster care",
        Situation::FosterYouth,
    ),
    ("left foster care", Situation::FosterYouth),
    ("couch surfing|surfers", Situation::Homeless),
    ("out of work", Situation::Unemployed),
    (
        "parole|probation officer|officers|agent|agents",
        Situation::JusticeInvolved,
    ),
    ("recovering alcoholics|addicts", Situation::InRecovery),
    (
        "in recovery from alcohol|drug|substance|chemical? or|and|/? alcohol|drug? abuse|addiction|dependency|use",
        Situation::InRecovery,
    ),
    (
        "in recovery from a? substance|alcohol|drug use disorder|disorders",
        Situation::InRecovery,
    ),
    ("currently? incarcerated", Situation::InCustody),
    ("under legal? arrest", Situation::InCustody),
    ("legal arrest", Situation::InCustody),
    ("autism|autistic", Situation::DevelopmentalDisability),
    ("neurologically impaired|disabled", Situation::Disability),
    ("deafness|deafened", Situation::DeafHardOfHearing),
    // California's regional centers serve people with developmental
    // disabilities.
    (
        "regional center client|clients|consumer|consumers|services",
        Situation::DevelopmentalDisability,
    ),
    // A detox behind them: in recovery.
    ("detoxed|detoxified", Situation::InRecovery),
    (
        "# hours|days of detoxification|detox",
        Situation::InRecovery,
    ),
    (
        "previously|recently incarcerated",
        Situation::JusticeInvolved,
    ),
    ("returning citizens", Situation::JusticeInvolved),
    (
        "with a? criminal record|records|history|conviction|convictions",
        Situation::JusticeInvolved,
    ),
    ("on probation|parole", Situation::JusticeInvolved),
    (
        "with a? felony|felonies|misdemeanor conviction|convictions|record|records",
        Situation::JusticeInvolved,
    ),
    (
        "recent|past|prior? jail involvement",
        Situation::JusticeInvolved,
    ),
    (
        "recent|past|prior? criminal? justice involvement",
        Situation::JusticeInvolved,
    ),
    ("recent|new immigrants", Situation::Immigrant),
    ("jobless", Situation::Unemployed),
    (
        "with any? arrest|criminal|conviction or|and? arrest|conviction? records|record|histories|history",
        Situation::JusticeInvolved,
    ),
    (
        "with an? arrest|criminal|conviction|police or|and? arrest|conviction? record|records",
        Situation::JusticeInvolved,
    ),
    // "people coming home from state prison", "involved with the juvenile
    // justice system".
    // (No "state" or "county" before "prison": table words are never
    // place words.)
    (
        "coming home from prison|jail|incarceration or|and? prison|jail?",
        Situation::JusticeInvolved,
    ),
    (
        "returning|released from prison|jail|incarceration or|and? prison|jail?",
        Situation::JusticeInvolved,
    ),
    (
        "involved with|in the juvenile justice|court system",
        Situation::JusticeInvolved,
    ),
    (
        "leaving|exiting the juvenile justice system",
        Situation::JusticeInvolved,
    ),
    // Abbreviations and other names: "PLWHA", "TAY", "SMI", "I/DD",
    // "vets", "military spouses", "college students", "school-age
    // children", "elders".
    ("plwha|plwh|plwhiv", Situation::HivAids),
    ("tay", Situation::Youth),
    ("transition age|aged youth|adults", Situation::Youth),
    ("smi", Situation::SeriousMentalIllness),
    ("i / dd", Situation::DevelopmentalDisability),
    ("vets", Situation::Veteran),
    (
        "military spouse|spouses|dependents|children|kids",
        Situation::Military,
    ),
    ("school age children|kids", Situation::Child),
    ("elders", Situation::Senior),
    ("schizophrenia|psychosis", Situation::SeriousMentalIllness),
    ("bipolar disorder", Situation::SeriousMentalIllness),
    ("severe major? depression", Situation::SeriousMentalIllness),
    // Where people sleep: "living in cars", "sleeping on the street".
    (
        "living|sleeping|staying in a? car|cars|vehicle|vehicles|shelter|shelters|tents|encampments",
        Situation::Homeless,
    ),
    (
        "living|sleeping|staying on the street|streets",
        Situation::Homeless,
    ),
    (
        "at risk of losing their|his|her|your? housing|home|homes",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "in or|and leaving|exiting the? foster care system?",
        Situation::FosterYouth,
    ),
    ("currently in prison|jail", Situation::InCustody),
    // "ages 16-24 who are not working and not in school".
    (
        "who are|is not currently? working|employed",
        Situation::Unemployed,
    ),
    // The client's own officer: "a referral letter from your parole or
    // probation officer".
    (
        "your parole|probation or? parole|probation? officer|officers|agent",
        Situation::JusticeInvolved,
    ),
    // Past service: "must have served in the U.S. armed forces".
    (
        "must? have|has|who served in any? branch? of? the? u .? s .? armed? forces|military",
        Situation::Veteran,
    ),
    (
        "must? have|has|who served in any? branch? of? the? us? armed? forces|military",
        Situation::Veteran,
    ),
    (
        "raising a|their? relative's child|children",
        Situation::Caregiver,
    ),
    ("housing instability", Situation::AtRiskOfHomelessness),
    ("laid off|dislocated workers", Situation::Unemployed),
    // "Laid-off or dislocated worker".
    (
        "laid -? off or|and dislocated worker|workers",
        Situation::Unemployed,
    ),
    ("dislocated worker|workers", Situation::Unemployed),
    // Alcohol and other drugs.
    (
        "aod|a&d problem|problems|issues|use|abuse",
        Situation::SubstanceUse,
    ),
    (
        "without health|medical? insurance|coverage",
        Situation::Uninsured,
    ),
    // "without health, dental or vision insurance".
    (
        "without health|medical ,? dental|vision? or dental|vision insurance|coverage",
        Situation::Uninsured,
    ),
    // Who has none; not "no health insurance required".
    (
        "with|have|has no health|medical? insurance|coverage",
        Situation::Uninsured,
    ),
    (
        "without access to health|medical care",
        Situation::Uninsured,
    ),
    ("without access to healthcare", Situation::Uninsured),
    // "without Medi-Cal or private dental insurance".
    (
        "without medi? cal|medicaid or private? health|dental|medical|vision? insurance",
        Situation::Uninsured,
    ),
    ("wheelchair user|users|bound", Situation::PhysicalDisability),
    (
        "who use|uses a? wheelchair|wheelchairs",
        Situation::PhysicalDisability,
    ),
    (
        "with a? traumatic|acquired? brain injury|injuries",
        Situation::Disability,
    ),
    ("vision impaired|loss", Situation::BlindLowVision),
    ("tribal member|members", Situation::CulturalCommunity),
    (
        "member|members of a? federally? recognized tribe|tribes",
        Situation::CulturalCommunity,
    ),
    (
        concat!(peoples!(), "|asian|black community|communities|heritage"),
        Situation::CulturalCommunity,
    ),
    (
        "pacific islander|islanders community|communities",
        Situation::CulturalCommunity,
    ),
    ("pacific islander|islanders", Situation::CulturalCommunity),
    ("native hawaiian|hawaiians", Situation::CulturalCommunity),
    // A people named before who they are ("Filipino resident", "Korean
    // American seniors", "Hmong community members").
    (
        concat!(
            peoples!(),
            " american|americans? person|persons|people|family|families|youth|adult|adults|senior|seniors|elders"
        ),
        Situation::CulturalCommunity,
    ),
    (
        concat!(peoples!(), " community member|members"),
        Situation::CulturalCommunity,
    ),
    (
        "african -? american community|communities|person|persons|people|family|families|youth",
        Situation::CulturalCommunity,
    ),
    // A language community ("Chinese-speaking family"): the people who
    // speak it, not a service's staff ("Spanish-speaking staff").
    (
        concat!(
            languages!(),
            " speaking person|persons|people|family|families|parents|adults|seniors|women|men|youth|immigrants|community|communities"
        ),
        Situation::CulturalCommunity,
    ),
    (
        concat!(languages!(), " speakers"),
        Situation::CulturalCommunity,
    ),
    (
        "of $ heritage|ancestry|origin",
        Situation::CulturalCommunity,
    ),
    (
        concat!("of ", peoples!(), " descent|heritage|ancestry|origin|faith"),
        Situation::CulturalCommunity,
    ),
];

/// Peoples named before who they are ("Filipino resident"; the
/// [`POPULATION`] rows pair them with the nouns they go with).
pub(super) const PEOPLES: &str = peoples!();

/// A language's speakers named before who they are ("Spanish-speaking
/// residents of East Boston"), read like [`PEOPLES`].
pub(super) const LANGUAGE_SPEAKERS: &str = concat!(languages!(), " speaking");

/// Kinds of disability named by an adjective, read in lists that share one
/// noun ("developmental, physical, or emotional disability").
pub(super) const DISABILITY_KIND: &[(&str, Situation)] = &[
    ("developmental", Situation::DevelopmentalDisability),
    ("intellectual", Situation::DevelopmentalDisability),
    ("physical", Situation::PhysicalDisability),
    ("mobility", Situation::PhysicalDisability),
    ("emotional", Situation::Disability),
    ("mental", Situation::Disability),
    ("learning", Situation::Disability),
    ("cognitive", Situation::Disability),
    ("sensory", Situation::Disability),
    ("psychiatric", Situation::SeriousMentalIllness),
    ("visual", Situation::BlindLowVision),
    ("hearing", Situation::DeafHardOfHearing),
    // Adverbs on "disabled" ("Visually, physically or learning disabled").
    ("developmentally", Situation::DevelopmentalDisability),
    ("physically", Situation::PhysicalDisability),
    ("emotionally", Situation::Disability),
    ("mentally", Situation::Disability),
    ("psychiatrically", Situation::SeriousMentalIllness),
    ("neurologically", Situation::Disability),
    ("visually", Situation::BlindLowVision),
];

/// Who has lived through a harm, before a list of [`HARM`]s.
pub(super) const HARMED: &str = "victim|victims|survivor|survivors of recent|past|current?";

/// Who has lived through a harm, after a list of [`HARM`]s ("domestic
/// violence and stalking survivors").
pub(super) const HARMED_AFTER: &str = "victim|victims|survivor|survivors";

/// Who has lived through a harm, said with a verb ("who have experienced
/// sexual exploitation or trafficking").
pub(super) const HARM_LIVED: &str =
    "who? are|have|has? experienced|experiencing|survived|suffered|facing or? threatened? with|by?";

/// Who has been harmed, said in the passive ("who have been subjected to
/// physical abuse, financial exploitation").
pub(super) const HARM_SUFFERED: &str = "who have|has been subjected to";

/// Harms, read in lists after [`HARMED`] ("victims of domestic violence,
/// sexual assault and stalking"): each names its group, any qualifies.
pub(super) const HARM: &[(&str, Situation)] = &[
    (
        "domestic|family violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "domestic / family violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "intimate partner violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    ("dating violence", Situation::DomesticViolenceSurvivor),
    ("human|sex|labor? trafficking", Situation::CrimeVictim),
    ("a? violent|hate? crime|crimes", Situation::CrimeVictim),
    (
        "childhood? sexual assault|violence|abuse",
        Situation::CrimeVictim,
    ),
    ("elder|child abuse", Situation::CrimeVictim),
    ("gun violence", Situation::CrimeVictim),
    ("financial|sexual? exploitation", Situation::CrimeVictim),
    ("stalking|torture|abuse|violence", Situation::CrimeVictim),
    (
        "physical|emotional|verbal|psychological|financial abuse|exploitation|neglect",
        Situation::CrimeVictim,
    ),
];

/// Nouns that end a list of [`DISABILITY_KIND`] adjectives.
pub(super) const DISABILITY_NOUN: &str = "disability|disabilities|impairment|impairments|disabled|impaired|handicapped|limitation|limitations";

/// Situations the profile cannot state, read as the nearest one with low
/// confidence ("Unemployed or underemployed": an underemployed client has
/// a job, so the reading is to verify, never to exclude).
pub(super) const NEAR_POPULATION: &[(&str, &[Situation])] = &[
    ("underemployed|underemployment", &[Situation::Unemployed]),
    // Job seekers may have a job.
    ("job seekers|seeker", &[Situation::Unemployed]),
    // Who cares for someone else's child, a parent to them ("licensed
    // foster and kinship parents", "kinship caregivers", "foster or
    // adoptive parent"): a profile may say either.
    (
        "foster|adoptive and|or adoptive|foster parent|parents",
        &[Situation::Caregiver, Situation::Parenting],
    ),
    (
        "foster|kinship and|or kinship|foster parent|parents|caregiver|caregivers|families",
        &[Situation::Caregiver, Situation::Parenting],
    ),
    (
        "kinship caregiver|caregivers|parents|families",
        &[Situation::Caregiver, Situation::Parenting],
    ),
    (
        "licensed? foster parents|families",
        &[Situation::Caregiver, Situation::Parenting],
    ),
];

/// Words that name a group in a fully read sentence ("Physical limitation
/// or disability") but a topic as often elsewhere ("disability benefits"):
/// never hints.
pub(super) const TOPIC_POPULATION: &[(&str, Situation)] = &[
    ("disability|disabilities", Situation::Disability),
    // "Must be Jewish", "Age 18 or over and Swedish speaking"; elsewhere as
    // often a language served or staff's ("Spanish speaking staff").
    (peoples!(), Situation::CulturalCommunity),
    (
        concat!(languages!(), " speaking"),
        Situation::CulturalCommunity,
    ),
];

/// Phrases that say who a service or a place is for ("family shelter",
/// "frail elderly", "battered women"): one or more groups (any qualifies),
/// sometimes with a gender. Unlike the bare nouns of [`WEAK_IN_SCAN`], often
/// a topic ("child care"), they are hints even in a sentence read only in
/// part.
pub(super) const PEOPLE: &[(&str, &[Situation], Option<Gender>)] = &[
    // Kinds of health coverage, not people: "not eligible for Medi-Cal,
    // military care or Medicare".
    ("military care|insurance|coverage", &[], None),
    // Benefits and agencies named for a group: "Veterans Benefits",
    // "the Department of Veterans Affairs".
    (
        "veteran|veterans|veteran's|veterans' benefits|affairs|administration",
        &[],
        None,
    ),
    // Who did something, not who is served: "deprived by a caregiver".
    ("by a|the? caregiver|caregivers", &[], None),
    // Every gender together is everyone ("women, men and transgender
    // individuals").
    (
        "women|men ,? men|women ,? and|& transgender|trans|nonbinary people|persons|individuals|folks?",
        &[],
        None,
    ),
    // Young and old together are everyone ("for youth and adults").
    (
        "for? youth|children|kids|teens|seniors and|& adults",
        &[],
        None,
    ),
    // ... but adults with disabilities are a group of their own (read
    // from "for" too, where the row above would stop at "adults").
    (
        "for? seniors|elderly and|& adults|persons|people|individuals with a? disability|disabilities",
        &[Situation::Senior, Situation::Disability],
        None,
    ),
    (
        "for? older adults and|& adults|persons|people|individuals with a? disability|disabilities",
        &[Situation::Senior, Situation::Disability],
        None,
    ),
    (
        "for? adults and|& youth|children|kids|teens|seniors",
        &[],
        None,
    ),
    (
        "battered women|woman|women's|womens shelter|shelters?",
        &[Situation::DomesticViolenceSurvivor],
        Some(Gender::Female),
    ),
    (
        "women|woman who have|has been battered",
        &[Situation::DomesticViolenceSurvivor],
        Some(Gender::Female),
    ),
    // A wish to stop using names the person, never a topic: "with a desire
    // to overcome an addiction to substance(s)" (brackets are dropped).
    (
        "with? a? desire to overcome an? addiction to alcohol|drugs|substance|substances s?",
        &[Situation::SubstanceUse],
        None,
    ),
    // However the wish is said: "Must want to stop using marijuana",
    // "Wanting to quit drinking".
    (
        concat!(wish_to_quit!(), " drinking|using"),
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "who? need|needs|needing|seek|seeks|seeking|require|requires|requiring drug|alcohol|substance abuse? treatment|detox|detoxification",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        concat!(
            wish_to_quit!(),
            " using? marijuana|cannabis|cocaine|heroin|methamphetamine|opioids|narcotics"
        ),
        &[Situation::SubstanceUse],
        None,
    ),
    // "Must want to quit drugs & alcohol": the object said, no verb.
    (
        concat!(wish_to_quit!(), " drugs|alcohol and|or? drugs|alcohol?"),
        &[Situation::SubstanceUse],
        None,
    ),
    (
        concat!(
            wish_to_quit!(),
            " using|drinking drugs|alcohol|cocaine? and|or? all? other? drugs|alcohol|mind? -? altering? substances?"
        ),
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "women's|womens shelter|shelters|house|residence|home",
        &[],
        Some(Gender::Female),
    ),
    (
        "men's|mens shelter|shelters|house|residence|home",
        &[],
        Some(Gender::Male),
    ),
    (
        "family|families shelter|shelters",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "youth|teen|teens medical|health? clinic|clinics|shelter|shelters",
        &[Situation::Youth],
        None,
    ),
    ("frail elderly|elders|seniors", &[Situation::Senior], None),
    ("frail older adult|adults", &[Situation::Senior], None),
    // Students with their grades ("Students, grades K-12"): the students
    // named are who is served; the grades say which.
    (
        "student|students ,? in? grades|grade k through|to|-? #",
        &[Situation::Student],
        None,
    ),
    (
        "student|students ,? in? grades|grade # through|to|- #",
        &[Situation::Student],
        None,
    ),
    (
        "experiencing|facing or at risk of homelessness",
        &[Situation::Homeless, Situation::AtRiskOfHomelessness],
        None,
    ),
    // Who a shelter takes: "Emergency shelter for families".
    (
        "emergency? shelter|shelters for families",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "isolated|homebound senior|seniors|elderly|elders",
        &[Situation::Senior],
        None,
    ),
    (
        "runaway youth|youths|teens|teenagers",
        &[Situation::Youth],
        None,
    ),
    // Named as who a program is for, never a topic ("questioning youth").
    (
        "gay|lesbian|bisexual|transgender|trans|queer|questioning|lgbt|lgbtq|lgbtqia|lgbtqi|lgbtq2s|lgbtqia2s|nonbinary +? youth|teens|adults|seniors|people|persons|individuals",
        &[Situation::Lgbtq],
        None,
    ),
    (
        "transgender|nonbinary and|or nonbinary|transgender youth|teens|adults|people|persons|individuals",
        &[Situation::Lgbtq],
        None,
    ),
    // Members of a congregation, never a topic.
    (
        "members of the|our|this congregation|parish|church|temple|mosque|synagogue|union|club|tribe",
        &[Situation::Member],
        None,
    ),
    // Going through withdrawal, abused, a disability that prevents: the
    // person, never a topic.
    (
        "going? through|in|experiencing alcohol|opioid|opiate|drug|drugs or|and? alcohol|opioid|opiate|drug? withdrawal",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "who may? have|has been sexually|physically|emotionally or|and? sexually|physically|emotionally? abused|assaulted|neglected",
        &[Situation::CrimeVictim],
        None,
    ),
    (
        "people|persons|individuals|those whose disability|disabilities",
        &[Situation::Disability],
        None,
    ),
    // "Syringe services for people who use drugs": the person, not a topic.
    (
        "people|persons|individuals|those who actively|currently? use|uses|inject drugs|opioids|substances",
        &[Situation::SubstanceUse],
        None,
    ),
    // People living with it, or a diagnosis, name the person, never a topic
    // ("HIV testing").
    (
        "people|persons|individuals|those|adults|clients|applicants|patients|men|women|youth living? with hiv|aids /? aids|hiv?",
        &[Situation::HivAids],
        None,
    ),
    (
        "must? have a? diagnosis of hiv|aids /? aids|hiv?",
        &[Situation::HivAids],
        None,
    ),
    // "Must be homeless or at imminent risk": at risk of homelessness.
    (
        "homeless or at imminent? risk",
        &[Situation::Homeless, Situation::AtRiskOfHomelessness],
        None,
    ),
    (
        "homeless or at imminent? risk of becoming? homeless|homelessness",
        &[Situation::Homeless, Situation::AtRiskOfHomelessness],
        None,
    ),
    // Their own group, though someone else's status names it.
    (
        "children|kids|youth of incarcerated|imprisoned parents|parent",
        &[Situation::Child],
        None,
    ),
    // Two adjectives on one noun: youth who are either ("homeless and
    // at-risk youth"), not homeless youth alone.
    (
        "homeless and|or at -? risk youth|youths|teens|teenagers|adolescents",
        &[Situation::Youth],
        None,
    ),
    (
        "runaway and|or homeless youth|youths|teens|teenagers|adolescents",
        &[Situation::Youth],
        None,
    ),
    // The reserve forces, not a club ("National Guard members").
    (
        "national guard members|member?",
        &[Situation::Military],
        None,
    ),
    (
        "national guard and|or reserve|reserves|reservists families?",
        &[Situation::Military],
        None,
    ),
    ("reserve|reservist families", &[Situation::Military], None),
    // Organizations named for a group ("Veterans of Foreign Wars").
    ("veterans of foreign wars", &[], None),
    (
        "for|serving? senior|seniors over|age? # ,? their caretakers|caregivers ,? or|and spouses",
        &[Situation::Senior, Situation::Caregiver],
        None,
    ),
    (
        "child|children or youth|youths|teens",
        &[Situation::Child, Situation::Youth],
        None,
    ),
    ("high school student|students", &[Situation::Student], None),
    (
        "registered|enrolled student|students",
        &[Situation::Student],
        None,
    ),
    (
        "student|students in kindergarten|grade|grades through|to|- # th? grade?",
        &[Situation::Student],
        None,
    ),
    (
        "who attends|attend|attending a? public|private? school|schools",
        &[Situation::Student],
        None,
    ),
    ("$ health? plan member|members", &[Situation::Member], None),
    // Enrolment names the person, never a topic ("enrolled members of the
    // Cherokee Nation", "currently enrolled Ivy Tech students", "students
    // at Riverside Community College").
    (
        "enrolled|registered member|members of the? $",
        &[Situation::Member],
        None,
    ),
    (
        "enrolled|registered member|members of the? tribe",
        &[Situation::Member],
        None,
    ),
    (
        "currently? enrolled|registered $ student|students",
        &[Situation::Student],
        None,
    ),
    ("student|students at|of $", &[Situation::Student], None),
    // A diagnosis names the person, never a topic.
    (
        "with|has|have an? opioid|alcohol|drug|substance|stimulant use disorder|disorders",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "opioid|alcohol|drug|substance|stimulant use disorder|disorders diagnosis|diagnosed",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "college|university student|students",
        &[Situation::Student],
        None,
    ),
    // Who raises a child is a parent to it ("Primary caregiver of child
    // age 5 or under").
    (
        "primary? caregiver|caregivers|caretaker|caretakers of a? child|children",
        &[Situation::Caregiver, Situation::Parenting],
        None,
    ),
    // "student who has an infant or toddler": a parent, never a topic.
    (
        "who has|have an? infant|toddler|baby or an? infant|toddler|baby",
        &[Situation::Parenting],
        None,
    ),
    (
        "who has|have an? infant|toddler|baby|infants|toddlers|babies",
        &[Situation::Parenting],
        None,
    ),
    // "must be enrolled in a Kaiser Permanente health plan".
    (
        "enrolled in a|the? $ family? health? plan|plans",
        &[Situation::Member],
        None,
    ),
    // "Open only to students enrolled at Lane Community College": a
    // college's, an employer's or a clinic's own.
    (
        "open|available only to students|employees|staff|patients|members enrolled|employed? at",
        &[Situation::Member],
        None,
    ),
    (
        "open|available only to currently? enrolled students of|at",
        &[Situation::Member],
        None,
    ),
    (
        "in need of drug|alcohol|substance abuse? treatment",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "with|suffering from a? drug|alcohol|substance abuse|addiction|problem|problems|dependency",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "with|suffering from a? drug|alcohol or|and|/ drug|alcohol abuse|addiction|problem|problems|dependency",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "family|families with minor? children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "with minor children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    // Children under 18 are minor children: the words define a family,
    // they set no child's age of their own.
    (
        "family|families? with children|kids under age? 18",
        &[Situation::FamilyWithChildren],
        None,
    ),
    // "Household with a child under 18": the age is the child's, not the
    // client's.
    (
        "household|households with a|an? minor? child|children|kids",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "household|households with a|an? child|children|kids under age? 18",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "# -? or # -? parent family|families|households",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "# -? or # -? parent family|families|households with children|kids under age? 18",
        &[Situation::FamilyWithChildren],
        None,
    ),
    ("post partum|postpartum", &[Situation::Parenting], None),
    // A people's women or men: the community and the gender.
    (
        concat!(peoples!(), " woman|women|girls"),
        &[Situation::CulturalCommunity],
        Some(Gender::Female),
    ),
    (
        concat!(peoples!(), " man|men|boys"),
        &[Situation::CulturalCommunity],
        Some(Gender::Male),
    ),
    (
        "african -? american woman|women|girls",
        &[Situation::CulturalCommunity],
        Some(Gender::Female),
    ),
    (
        "black woman|women|girls",
        &[Situation::CulturalCommunity],
        Some(Gender::Female),
    ),
    (
        "black man|men|boys",
        &[Situation::CulturalCommunity],
        Some(Gender::Male),
    ),
    (
        "african -? american man|men|boys",
        &[Situation::CulturalCommunity],
        Some(Gender::Male),
    ),
    (
        "pregnant or|and parenting",
        &[Situation::Pregnant, Situation::Parenting],
        None,
    ),
    // The SSI phrase.
    (
        "aged ,? blind ,? or|and disabled",
        &[
            Situation::Senior,
            Situation::BlindLowVision,
            Situation::Disability,
        ],
        None,
    ),
    // A veteran's service, not active military.
    (
        "honorably? discharged? veteran|veterans of the u . s .? armed? forces|military",
        &[Situation::Veteran],
        None,
    ),
    // Mothers are parents, and women ("a mother or foster mother"); fathers
    // parents, and men.
    (
        "single|foster? mother|mothers|moms",
        &[Situation::Parenting],
        Some(Gender::Female),
    ),
    (
        "single|foster? father|fathers|dads",
        &[Situation::Parenting],
        Some(Gender::Male),
    ),
    ("young parenting", &[Situation::Parenting], None),
    ("breastfeeding", &[Situation::Parenting], None),
    (
        "must? be a? permanent? employee|employees of",
        &[Situation::Member],
        None,
    ),
    (
        "must? have minor|dependent child|children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "must? have at least one|1 child|children in? custody?",
        &[Situation::FamilyWithChildren],
        None,
    ),
    // "must have at least 1 child in custody": a parent's custody.
    (
        "child|children in custody",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "with legal? custody of a? minor? child|children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "in the dependency or delinquency system",
        &[Situation::FosterYouth, Situation::JusticeInvolved],
        None,
    ),
    ("in the dependency system", &[Situation::FosterYouth], None),
    (
        "in the juvenile justice or child welfare system|systems",
        &[Situation::JusticeInvolved, Situation::FosterYouth],
        None,
    ),
    // "Must be a client of Golden Gate Regional Center": its clients only.
    (
        "must be a current? client|clients|patient|patients of",
        &[Situation::Member],
        None,
    ),
    (
        "current client|clients|patient|patients of",
        &[Situation::Member],
        None,
    ),
    (
        "must have been convicted",
        &[Situation::JusticeInvolved],
        None,
    ),
    (
        "in the delinquency|juvenile justice system",
        &[Situation::JusticeInvolved],
        None,
    ),
    (
        "medically? documented|diagnosed|diagnosable|verified|verifiable disability|disabilities",
        &[Situation::Disability],
        None,
    ),
    // How lasting: "a long-term verifiable disability", "a permanent
    // disability".
    (
        "long -? term ,? documented|diagnosed|verified|verifiable? disability|disabilities",
        &[Situation::Disability],
        None,
    ),
    (
        "permanent|chronic|lifelong ,? documented|diagnosed|verified|verifiable? disability|disabilities",
        &[Situation::Disability],
        None,
    ),
    // "Disability must be verified by a physician", "Disability
    // verification form": a disability to show.
    (
        "disability must be verified|documented|certified",
        &[Situation::Disability],
        None,
    ),
    ("disability verification", &[Situation::Disability], None),
    (
        "with a? memory impairment|impairments|loss",
        &[Situation::Disability],
        None,
    ),
    (
        "medical? verification|proof|certification of a? disability",
        &[Situation::Disability],
        None,
    ),
    (
        "diagnosis of a? developmental disability|disabilities",
        &[Situation::DevelopmentalDisability],
        None,
    ),
    (
        "experiencing alcohol|drug|substance or|and? alcohol|drug? related? problem|problems|issues|abuse",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "victim|victims of or threatened by domestic violence",
        &[Situation::DomesticViolenceSurvivor],
        None,
    ),
    (
        "woman|women who is|are pregnant",
        &[Situation::Pregnant],
        None,
    ),
    (
        "in the? final month|months|trimester of pregnancy",
        &[Situation::Pregnant],
        None,
    ),
    (
        "single? man or woman with a? child|children",
        &[Situation::Parenting],
        None,
    ),
    ("single parent|parents", &[Situation::Parenting], None),
    // A parent by custody ("Any parent with custody or visitation rights",
    // "non-custodial parent").
    (
        "parent|parents with custody|visitation or|and? custody|visitation? rights?",
        &[Situation::Parenting],
        None,
    ),
    (
        "non? -? custodial parent|parents",
        &[Situation::Parenting],
        None,
    ),
    // Groups named as an audience ("helping seniors", "a program for
    // youth"): alone these words are topics as often ("youth services"),
    // so only this wording makes them hints.
    (
        "for|serving|serves|serve|helping|helps|assisting|assists seniors|elderly|elders",
        &[Situation::Senior],
        None,
    ),
    (
        "for|serving|serves|serve|helping|helps|assisting|assists youth|teens|teenagers",
        &[Situation::Youth],
        None,
    ),
];

/// Populations that also imply an age range (dropped when an age is given).
pub(super) const AGE_POPULATIONS: &[Situation] =
    &[Situation::Senior, Situation::Youth, Situation::Child];

/// Shapes of income phrases.
#[derive(Debug, Clone, Copy)]
pub(super) enum IncomeShape {
    /// "Low income": a ceiling without a figure.
    Low,
    /// `#` percent of the federal poverty guideline.
    PercentOfPoverty,
    /// `$#` a year.
    Annual,
    /// `$#` a month.
    Monthly,
    /// `$#` with no period: a year when the figure is one only a year
    /// could be (10,000 or more), else not read.
    Dollars,
    /// `$h`: a year's dollars per household size.
    ByHousehold,
    /// The poverty line itself ("at or below the federal poverty level").
    AtPovertyLine,
}

/// Income phrases.
pub(super) const INCOME: &[(&str, IncomeShape)] = &[
    ("maximum|max income|incomes :|,? $#", IncomeShape::Dollars),
    // Limits per household size ("$39,600 for 1 person, $45,250 for 2
    // persons"), after the same words as one limit.
    (
        "maximum|max income|incomes :|,? $h",
        IncomeShape::ByHousehold,
    ),
    (
        "income limit|limits|guideline|guidelines of|is|are|:? $h",
        IncomeShape::ByHousehold,
    ),
    // "Income limits by household size are $19,563 for 1 person, ...",
    // "yearly income must be no more than $15,650 for one person, ...",
    // "household income is below $72,000 for one person or $82,250 for
    // two".
    (
        "income limit|limits by household|family size are|is|:? $h",
        IncomeShape::ByHousehold,
    ),
    (
        "yearly|annual|monthly|gross? household|household's|family|family's? yearly|annual|monthly|gross? income|incomes must|may|should|can|is|are? be? no more than $h",
        IncomeShape::ByHousehold,
    ),
    (
        "yearly|annual|monthly|gross? household|household's|family|family's? yearly|annual|monthly|gross? income|incomes must|may|should|can|is|are? be? below|under $h",
        IncomeShape::ByHousehold,
    ),
    // "Income limits (annual gross): 1 person $30,120; ...".
    (
        "income limit|limits|guideline|guidelines annual|yearly|gross annual|yearly|gross? :? $h",
        IncomeShape::ByHousehold,
    ),
    ("low income :|- $h", IncomeShape::ByHousehold),
    ("income|incomes of $h", IncomeShape::ByHousehold),
    (
        "income requirements|limit|limits are|is $h",
        IncomeShape::ByHousehold,
    ),
    (
        "gross? monthly|annual? household|family? monthly|annual? income|incomes cannot|can't exceed $h",
        IncomeShape::ByHousehold,
    ),
    // "household income must be below $2,500 a month for a family of
    // three".
    (
        "household|family? income|incomes must be below|under $h",
        IncomeShape::ByHousehold,
    ),
    (
        "gross? monthly|annual? household|family? monthly|annual? income|incomes must|may|should|can|does not exceed :? $h",
        IncomeShape::ByHousehold,
    ),
    ("income limit|limits of|is|:? $#", IncomeShape::Dollars),
    (
        "total? household|family? income for the prior|previous|last calendar|tax? year of $# or less",
        IncomeShape::Annual,
    ),
    (
        "income requirements|limit|limits are|is $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "earning|earn|earns|making|make|makes less than|under $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "earning|earn|earns|making|make|makes $# or less per|a|/ year",
        IncomeShape::Annual,
    ),
    // "total household income of $45,000 or less in the prior calendar
    // year", "less than $600 in monthly income".
    (
        "total? household|family? income of $# or less in|for the prior|previous|last calendar|tax? year",
        IncomeShape::Annual,
    ),
    (
        "less than|under $# in|of monthly income",
        IncomeShape::Monthly,
    ),
    (
        "less than|under $# in|of annual|yearly income",
        IncomeShape::Annual,
    ),
    // "households that earned $67,000 or less last year".
    (
        "earned|made $# or less last|past|previous|prior year",
        IncomeShape::Annual,
    ),
    (
        "earned|made $# or less in the last|past|previous|prior year",
        IncomeShape::Annual,
    ),
    (
        "earning|earn|earns|making|make|makes $# or less annually?",
        IncomeShape::Dollars,
    ),
    (
        "earning|earn|earns|making|make|makes no more than $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "earning|earn|earns|making|make|makes no more than $# annually?",
        IncomeShape::Dollars,
    ),
    (
        "earning|earn|earns|making|make|makes up to $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "earning|earn|earns|making|make|makes up to $# annually?",
        IncomeShape::Dollars,
    ),
    // "Annual household income must be under $45,000".
    (
        "gross? annual? household|family? income|incomes must be under|below|less than? $#",
        IncomeShape::Dollars,
    ),
    (
        "gross? monthly household|family? income|incomes must be under|below|less than? $#",
        IncomeShape::Monthly,
    ),
    (
        "income|incomes? is|are? at or below the federal? poverty level|line|guidelines|guideline",
        IncomeShape::AtPovertyLine,
    ),
    (
        "income|incomes? is|are? below|under the federal? poverty level|line|guidelines|guideline",
        IncomeShape::AtPovertyLine,
    ),
    (
        "income|incomes must|may|should|can|does|cannot|can't not? exceed # %|percent of? the? federal? poverty level|line|guidelines|guideline",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income|incomes must|may|should|can|does|cannot|can't not? exceed # %|percent of? fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "earning|earn|earns|making|make|makes less than|under $# per|a|/ month|mo",
        IncomeShape::Monthly,
    ),
    (
        "income|incomes cannot|can't exceed $#",
        IncomeShape::Dollars,
    ),
    (
        "income|incomes must|may|should|can not exceed $#",
        IncomeShape::Dollars,
    ),
    (
        "gross? individual|household|family? monthly income|incomes of? less? than|below|under $#",
        IncomeShape::Monthly,
    ),
    // "Gross household income under $2,200/mo", "whose household income
    // is below $2,000 per month".
    (
        "gross? individual|household|family? income|incomes is|are? of? less? than|below|under $# per|a|/ month|mo",
        IncomeShape::Monthly,
    ),
    // "income not over 250% FPL", "income guidelines of 175% of poverty".
    (
        "gross? household|family? income|incomes not over|above # %|percent of? the? federal? poverty|fpl level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "meet|meets? income guideline|guidelines|limit|limits of # %|percent of? the? federal? poverty|fpl level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    // "HUD Section 8 income limits", "HUD income requirements must be met",
    // "income within HUD's Section 8 guidelines".
    (
        "hud section? 8? income limit|limits|guideline|guidelines|requirements",
        IncomeShape::Low,
    ),
    (
        "income|incomes must? be? within the? hud|hud's section? 8? income? limits|limit|guidelines|guideline",
        IncomeShape::Low,
    ),
    // "Must meet the income requirements".
    (
        "meet|meets|meeting the|all? income requirements|requirement|guidelines|limits|criteria",
        IncomeShape::Low,
    ),
    // "Income limit 125% of poverty", "income cap: 400% FPL" (a limit
    // with a percent; not "income limit of $47,520 for 1 person", a table).
    (
        "income limit|cap|ceiling|maximum|max :? # %|percent of? the? federal? poverty|fpl level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    // "households earning under $54,000".
    (
        "households|families|individuals|persons earning|making under|below $# a|per? year?",
        IncomeShape::Dollars,
    ),
    // "anyone who earned under $60,000 last year" (not "clients earning
    // under $25,000 a year" pay less: a fee's tier).
    ("earned under|below $# last year?", IncomeShape::Dollars),
    ("earned less than $# last year?", IncomeShape::Dollars),
    // "income ≤ 200% FPL", "income up to 250% FPL".
    (
        "income|incomes ≤|< # %|percent of? the? federal? poverty level|guidelines|guideline|line",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income|incomes ≤|< # %|percent fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income|incomes up to # %|percent of? the? federal? poverty level|guidelines|guideline|line",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income|incomes up to # %|percent fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "gross? annual household|family|individual? income|incomes of? less? than|below|under $#",
        IncomeShape::Annual,
    ),
    (
        "income|incomes must|may|should|can|cannot|can't not? exceed $# per|a|/ month|mo",
        IncomeShape::Monthly,
    ),
    (
        "income|incomes must|may|should|can|cannot|can't not? exceed $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "individual|household|family|annual? income|incomes is|are? of? less? than|below|under $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "income must? fall? within hud guidelines|limits",
        IncomeShape::Low,
    ),
    ("within hud income? guidelines|limits", IncomeShape::Low),
    ("economically disadvantaged", IncomeShape::Low),
    // A share of the area's (or state's) median income: a low-income
    // program, not a poverty percentage.
    (
        "gross? family|household? income must be at or below # %|percent of|or the? state|area median income",
        IncomeShape::Low,
    ),
    (
        "gross? family|household? income below|under # %|percent of|or the? state|area median income",
        IncomeShape::Low,
    ),
    (
        "# %|percent of|or? the? state|area median income",
        IncomeShape::Low,
    ),
    // The area whose median it is restricts no one by itself ("below 50% of
    // the median income level for San Mateo County").
    (
        "# %|percent of|or the? state|area? median income|incomes level? for|in|of the? $",
        IncomeShape::Low,
    ),
    ("# %|percent ami|smi", IncomeShape::Low),
    // "at or below 60% of the area median".
    ("# %|percent of the area median", IncomeShape::Low),
    (
        "income|incomes must|may|should|can|cannot|can't not? exceed # %|percent of|or the? state|area median income",
        IncomeShape::Low,
    ),
    ("very? low income|incomes", IncomeShape::Low),
    ("lower income", IncomeShape::Low),
    ("limited income|incomes", IncomeShape::Low),
    // A limit without its period: a year's when only a year's could be
    // ("Household income less than $50,000").
    (
        "household|family|individual income|incomes less than|below|under $#",
        IncomeShape::Dollars,
    ),
    (
        "gross? monthly household|family? income|incomes not to? exceed|exceeding|over $#",
        IncomeShape::Monthly,
    ),
    (
        "gross? annual? household|family? income|incomes not to? exceed|exceeding $#",
        IncomeShape::Dollars,
    ),
    (
        "household|family? income|incomes? less than # %|percent of? the? federal? poverty level|guidelines|guideline|line",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income|incomes? less than # %|percent of? fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income|incomes? below|under # %|percent of fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "below|under the? federal? poverty level|line",
        IncomeShape::AtPovertyLine,
    ),
    ("indigent|indigents", IncomeShape::Low),
    ("hud income limits|guidelines", IncomeShape::Low),
    (
        "meet|meets|meeting hud|federal|state|program? income guidelines|guideline|requirements|limits|qualifications",
        IncomeShape::Low,
    ),
    (
        "income level|levels? must? be? below|within|under federally|federal|hud? established|set? poverty? income? limits|guidelines",
        IncomeShape::Low,
    ),
    ("income -? qualified|eligible", IncomeShape::Low),
    ("income qualifications|qualification", IncomeShape::Low),
    (
        "between # %|percent and # %|percent of the? federal? poverty level|guidelines|guideline|line",
        IncomeShape::PercentOfPoverty,
    ),
    ("financially eligible", IncomeShape::Low),
    // "Must meet EOPS financial and educational criteria".
    (
        "financial and|or? educational? criteria|guidelines|requirements",
        IncomeShape::Low,
    ),
    ("economically challenged", IncomeShape::Low),
    (
        "demonstrate|demonstrated|show financial need",
        IncomeShape::Low,
    ),
    (
        "demonstrate|demonstrated|show need for financial assistance",
        IncomeShape::Low,
    ),
    (
        "meet|meets|meeting federal poverty income? guidelines|guideline",
        IncomeShape::Low,
    ),
    ("low to very low income", IncomeShape::Low),
    ("low or very low income", IncomeShape::Low),
    ("low to|- middle income", IncomeShape::Low),
    (
        "max percentage of income standard : # %|percent",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income below|under # %|percent of federal poverty level fpl?",
        IncomeShape::PercentOfPoverty,
    ),
    ("low or|to|and|/ moderate income", IncomeShape::Low),
    (
        "household|family? income|incomes? below|under # %|percent of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? at or below # %|percent of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? up to # %|percent of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? below|under # %|percent fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? at or below # %|percent fpl",
        IncomeShape::PercentOfPoverty,
    ),
    // "Household income must be no more than 200% of the federal poverty
    // level".
    (
        "household|family? income|incomes must|should? be no more than # %|percent of the? federal? poverty level|guidelines|guideline|line|fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income|incomes must|should? be at or below # %|percent of the? federal? poverty level|guidelines|guideline|line|fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income|incomes must|should? be below|under # %|percent of the? federal? poverty level|guidelines|guideline|line|fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "# %|percent of the? federal? poverty level|guidelines|guideline|line? or below|less",
        IncomeShape::PercentOfPoverty,
    ),
];

/// Shapes of residency phrases.
#[derive(Debug, Clone, Copy)]
pub(super) enum ResidencyShape {
    /// The places named by the `$` slot.
    Named,
    /// A residency requirement without a name ("resident of area served").
    Unnamed,
    /// "in <county>" after a word of [`IN_TOWN_AFTER`] or
    /// [`IN_COUNTY_AFTER`].
    InCounty,
    /// "in <town>" after a word of [`IN_TOWN_AFTER`]: towns are named after
    /// the people who live there only ("low-income families in Daly
    /// City"); a program's or a case's town is where its office is.
    InTown,
    /// Counties alone: read only in a sentence read whole ("San Mateo
    /// County" as the whole eligibility), never picked out of prose.
    Bare,
    /// Towns alone, closing a sentence read whole as a clause of their own
    /// after a comma ("Boys age 12-24, Fresno"): where the people served
    /// live.
    TrailingTown,
}

/// Residency phrases.
pub(super) const RESIDENCY: &[(&str, ResidencyShape)] = &[
    ("resident|residents of the? $", ResidencyShape::Named),
    // How long, and what kind of area: "Resident of San Mateo County for
    // at least 6 months", "Residents of Belle Haven neighborhood".
    (
        "resident|residents of the? $ for at? least? # months|years|month|year",
        ResidencyShape::Named,
    ),
    // (A number written as a word needs a row of its own: a slot is never
    // among alternatives.)
    (
        "resident|residents of the? $ for at? least? one|two|three|six months|years|month|year",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the? $ neighborhood|neighborhoods|area",
        ResidencyShape::Named,
    ),
    (
        "must? have|has lived|resided in the? $ for? at? least? # months|years|month|year",
        ResidencyShape::Named,
    ),
    (
        "must? have|has lived|resided in the? $ for? at? least? one|two|three|six months|years|month|year",
        ResidencyShape::Named,
    ),
    // "have lived in California for the past year".
    (
        "must? have|has lived|resided in the? $ for the past|last year",
        ResidencyShape::Named,
    ),
    (
        "must? have|has lived|resided in the? $ for the past|last # years|months",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing within the boundaries|boundary of the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the cities|city|towns|town of $",
        ResidencyShape::Named,
    ),
    // San Francisco's own name for itself.
    (
        "resident|residents of the city and county of $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of|in zip code|codes|zipcode|zipcodes $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing within the city limits of $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing in the? $ area",
        ResidencyShape::Named,
    ),
    (
        "residency|residence in|within the? $ required|necessary",
        ResidencyShape::Named,
    ),
    // "Local residents only", "City residents", "County residents": a
    // place implied, not named ("Local" is no town).
    (
        "local|city|town|county resident|residents",
        ResidencyShape::Unnamed,
    ),
    (
        "in -? county|city resident|residents",
        ResidencyShape::Unnamed,
    ),
    ("$ resident|residents", ResidencyShape::Named),
    (
        "$ resident|residents for at? least? # months|years|month|year",
        ResidencyShape::Named,
    ),
    (
        "$ resident|residents for at? least? one|two|three|six months|years|month|year",
        ResidencyShape::Named,
    ),
    (
        "$ homeowner|homeowners|renter|renters|tenant|tenants",
        ResidencyShape::Named,
    ),
    (
        "homeowner|homeowners|renters|tenants in the? $",
        ResidencyShape::Named,
    ),
    // "Tenants of Bayshore Villa Apartments" (a complex's are its members).
    ("tenant|tenants of the? $", ResidencyShape::Named),
    (
        "must? live|lives|living|reside|resides|residing in the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "resident|residents of the? service area",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "resident|residents of the city|town|state|area",
        ResidencyShape::Unnamed,
    ),
    // "Residents of the county's unincorporated areas".
    ("unincorporated area|areas", ResidencyShape::Unnamed),
    (
        "resident|residents|residence|residency of|in the? state of $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the? catchment area",
        ResidencyShape::Unnamed,
    ),
    (
        "within|in the? agency|agency's|our|program's catchment area",
        ResidencyShape::Unnamed,
    ),
    ("service area resident|residents", ResidencyShape::Unnamed),
    (
        "within|in the|our|its? district|association|school|city|parish|district's|association's|city's|parish's boundaries|boundary",
        ResidencyShape::Unnamed,
    ),
    // "Centralized intake for 12 counties": some counties, not named.
    ("in|for # counties", ResidencyShape::Unnamed),
    // "our 8-county service area".
    ("# -? county service? area|region", ResidencyShape::Unnamed),
    // An organization's place ("must be located in Santa Clara County").
    (
        "must|and be located in|within the? $",
        ResidencyShape::Named,
    ),
    (
        "serving|servicing the city|town of $",
        ResidencyShape::Named,
    ),
    // A ward or district by number: an area no shipped boundary names.
    (
        "ward|district|precinct # resident|residents",
        ResidencyShape::Unnamed,
    ),
    (
        "resident|residents of|in ward|wards|district|districts|precinct|precincts no? .? #",
        ResidencyShape::Unnamed,
    ),
    ("in|within ward|wards #", ResidencyShape::Unnamed),
    // "Serves the tri-county area": some counties, not named.
    (
        "the? bi|tri|multi -? county area|region",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in ward|district|precinct no? .? #",
        ResidencyShape::Unnamed,
    ),
    // Live or work there.
    (
        "who|must? live|lives|living|reside|resides|residing and|or /? or? work|works|working in the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of ,? or employed|working|work in ,? the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents or business person|persons|owner|owners in|of the? $",
        ResidencyShape::Named,
    ),
    ("population of the? $", ResidencyShape::Named),
    (
        "live|lives|living|reside|resides|residing in all $ counties",
        ResidencyShape::Named,
    ),
    (
        "based on geographic area|location|residence",
        ResidencyShape::Unnamed,
    ),
    (
        "within|in the|our|its? service area",
        ResidencyShape::Unnamed,
    ),
    (
        "residing in geographic area served",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing and|or attend|attends|attending school|schools in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing and|or /? or? work|works|working in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in zip code|codes? $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing in the? $ zip code|codes",
        ResidencyShape::Named,
    ),
    ("resident|residents in|within the? $", ResidencyShape::Named),
    (
        "anyone|everyone who? live|lives|living|reside|resides|residing in|within the? $",
        ResidencyShape::Named,
    ),
    ("must? have a|an $ address", ResidencyShape::Named),
    ("a|an $ address is|are required", ResidencyShape::Named),
    ("must? have a|an local address", ResidencyShape::Unnamed),
    // "Homebound veteran living within 30 minutes of VA Palo Alto office".
    (
        "live|lives|living|reside|resides|residing within # miles|mile|minutes of",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in|within the|our|its? school district",
        ResidencyShape::Unnamed,
    ),
    (
        "who? must? live|lives|living|reside|resides|residing within the? $",
        ResidencyShape::Named,
    ),
    (
        "who live|lives|reside|resides in the? $",
        ResidencyShape::Named,
    ),
    ("$ residency", ResidencyShape::Named),
    (
        "residency|residence in|within the? $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing within|in the? city|county limits",
        ResidencyShape::Unnamed,
    ),
    ("must? have an address in the? $", ResidencyShape::Named),
    // A county named as the area served ("For Hillsborough County",
    // "serving Pasco County"); a town named so is as often where the
    // service is.
    (
        "for|serving|serves|serve|covering|covers|throughout the? $c",
        ResidencyShape::Named,
    ),
    // "Our service area includes Orange, Osceola and Seminole counties".
    (
        "the|our|its? service area|areas includes|include|is|are|covers $",
        ResidencyShape::Named,
    ),
    ("serving|serves|serve all of $c", ResidencyShape::Named),
    // ("For Cook County residents": the residents, not the county.)
    (
        "for|serving|serves|serve the? $ resident|residents",
        ResidencyShape::Named,
    ),
    // "Cuyahoga County households", "anywhere in North Dakota", "living on
    // the Navajo Nation", "seniors in the city of Lakewood".
    (
        "$c households|families|tenants|renters|homeowners",
        ResidencyShape::Named,
    ),
    ("anywhere in|within the? $c", ResidencyShape::Named),
    ("statewide in $c", ResidencyShape::Named),
    // "Refugee resettled in San Diego County", "men returning to San Diego
    // County" (from prison).
    ("resettled in|within the? $", ResidencyShape::Named),
    ("returning to $c", ResidencyShape::Named),
    (
        "live|lives|living|reside|resides|residing on the? $",
        ResidencyShape::Named,
    ),
    (
        "in|within the city|town|village of $",
        ResidencyShape::InCounty,
    ),
    (
        "for|serving|serves|serve|throughout the state of $",
        ResidencyShape::Named,
    ),
    // "ZIP codes 48205, 48213, and 48224 only".
    ("zip code|codes|zipcode|zipcodes $", ResidencyShape::Named),
    // "in ZIP 94601 or 94603", "in the 19143 ZIP code".
    ("in zip|zips $", ResidencyShape::Named),
    ("in the? $ zip code|codes|area", ResidencyShape::Named),
    ("service area|areas :|- $", ResidencyShape::Named),
    ("in|within the? $c", ResidencyShape::InCounty),
    ("in|within the? $", ResidencyShape::InTown),
    ("$c", ResidencyShape::Bare),
    ("$", ResidencyShape::TrailingTown),
];

/// Verbs of living somewhere: a residency phrase opening with one says
/// where the people already named live ("unemployed and live in Kent
/// County").
pub(super) const LIVE_VERBS: &[&str] = &[
    "live", "lives", "living", "reside", "resides", "residing", "must", "who",
];

/// People after whom "in <town>" names the town they live in ("youth in
/// East Palo Alto", "seniors in Foster City").
pub(super) const IN_TOWN_AFTER: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "families",
    "households",
    "homeowners",
    "renters",
    "tenants",
    "residents",
    "seniors",
    "elders",
    "veterans",
    "youth",
    "children",
    "adults",
    "women",
    "men",
    "immigrants",
    "anyone",
    "mothers",
    "fathers",
    "parents",
    "caregivers",
    "family",
    "person",
    "senior",
    "teens",
    "kids",
    "girls",
    "boys",
    "grandparents",
    "owners",
    "homebuyers",
    "buyers",
    "entrepreneurs",
    "customers",
];

/// Words after which, beside the people of [`IN_TOWN_AFTER`], "in <county>"
/// names the people's county ("tenants in Pasco County", "cases in
/// Hillsborough County"), not where an office is ("the VA Hospital in
/// Pinellas County").
pub(super) const IN_COUNTY_AFTER: &[&str] = &[
    "agency",
    "organization",
    "nonprofit",
    // Organizations served are where they are ("Nonprofit organizations,
    // schools and public agencies in Santa Clara County").
    "agencies",
    "organizations",
    "nonprofits",
    "businesses",
    "clients",
    "cases",
    "matters",
    "records",
    "recipient",
    "recipients",
    // What a project serves is where it is ("Special project in Duval
    // County", "Assistance with evictions in Pasco County").
    "project",
    "program",
    "programs",
    "services",
    "assistance",
    "representation",
    "victims",
    "survivors",
    "workers",
    "farmworkers",
    "students",
    "patients",
    "consumers",
    "borrowers",
    "members",
    // The trouble a case is about happens where the client lives ("victims
    // of dating violence and stalking in Palm Beach County").
    "eviction",
    "evictions",
    "foreclosure",
    "foreclosures",
    "violence",
    "crime",
    "crimes",
    "stalking",
    "abuse",
    "issues",
    "disputes",
    "problems",
    "divorce",
    "custody",
    "orders",
    "parole",
    "probation",
    "homelessness",
    // The condition people live with, or an income's period ("a serious
    // mental illness in Sacramento County", "earning no more than $52,000
    // annually in Ramsey County").
    "illness",
    "illnesses",
    "aids",
    "disabilities",
    "hiv",
    "annually",
    // More people, and the end of an age ("adults 60 and older in Bexar
    // County").
    "neighbors",
    "parents",
    "mothers",
    "fathers",
    "couples",
    "kids",
    "teens",
    "girls",
    "boys",
    "refugees",
    "caregivers",
    "participants",
    "applicants",
    "employees",
    "seekers",
    "unemployed",
    "underemployed",
    "older",
    "over",
    "up",
    // Where the client's home is ("at risk of losing their housing in
    // Pierce County").
    "housing",
    "home",
    "homes",
];

/// Phrases saying there is no restriction.
pub(super) const OPEN: &[&str] = &[
    "none",
    "no restriction|restrictions|requirement|requirements|limitations",
    "no eligibility restriction|restrictions|requirement|requirements",
    "anyone|everyone|all",
    "open to all|everyone|anyone",
    "open to the public",
    "available to all|everyone|anyone",
    "free to all|everyone|anyone",
    "all ages",
    "all ages are? welcome",
    "all|everyone welcome",
    "all|everyone are|is welcome",
    "anyone|everyone|all will be served",
    "anyone|everyone willing to stand|wait in line will be served",
    "anyone|everyone in need",
    "anyone|everyone who is|are hungry",
    "anyone|everyone who is|are in need",
];

/// Wordings read as the words after them, which the other tables know:
/// another verb or construction for the same condition.
pub(super) const SAME_AS: &[(&str, &str)] = &[
    // "currently dealing with a substance abuse problem".
    ("dealing|struggling|coping with", "with"),
    // "diagnosed with HIV/AIDS": the diagnosis names the condition.
    ("diagnosed with", "with"),
    // "with a current substance abuse problem": the article adds nothing.
    ("with a|an", "with"),
    // "Adults who have a disability", "who have a memory impairment".
    (
        "who|that have|has a|an? disability|disabilities",
        "with a disability",
    ),
    (
        "who|that have|has a|an? memory impairment|loss",
        "with memory impairment",
    ),
    // Plain words to the client ("You can get help if you are a senior",
    // "You must live in ...", "This program is for students ..."): the
    // conditions of the field-style wordings. ("you're" is one word.)
    (concat!(you_may_come_if!(), " you are"), "must be"),
    (concat!(you_may_come_if!(), " you're"), "must be"),
    (concat!(you_may_come_if!(), " you have"), "with"),
    // A wish to quit, said to the client ("You can join if you want to
    // stop using drugs").
    (
        concat!(you_may_come_if!(), " you want|wish to"),
        "desire to",
    ),
    ("you are welcome if you want|wish to", "desire to"),
    ("you're welcome if you want|wish to", "desire to"),
    // "If you are uninsured, ...", "Bring ID if you have one": a condition
    // stays one (kept as written, so the next row does not take it).
    ("if you are", "if you are"),
    ("if you're", "if you are"),
    ("you are", "must be"),
    ("you're", "must be"),
    ("you must|need to? be", "must be"),
    ("you must|need to? have", "must have"),
    ("you must|need to? live|reside", "must live"),
    (
        "this|the|our program|service|project|shelter|clinic|class|group is? only? for|serves",
        "for",
    ),
    ("we serve|help|represent", "serves"),
    // Abbreviations of data-entry fields ("San Mateo County res.",
    // "ID req'd", "w/o insurance"); a point after one is the
    // abbreviation's (see `read_as_known`).
    ("res|resid .", "residents"),
    ("res", "residents"),
    ("req'd|reqd|req .?", "required"),
    ("svc|svcs .?", "services"),
    ("appt|appts .?", "appointment"),
    ("dx .?", "diagnosis"),
    ("tx .?", "treatment"),
    ("sr|srs .?", "senior"),
    ("yr .?", "year"),
    ("indiv|indivs .?", "individuals"),
    ("cnty|cty .?", "county"),
    ("info .?", "information"),
    ("orgs .?", "organizations"),
    ("with o", "without"),
    // "Ages 16 thru 24".
    ("thru", "through"),
    // "Children from birth to age 5".
    ("from birth", "birth"),
    // A field's label ("Age: 18+", "Age requirement: 21 or older"), not a
    // sub-program's heading.
    (
        "age|ages requirement|requirements|limit|limits|range? :",
        "age",
    ),
    // "Single men", "single adult women": who may come, alone (not "single
    // man or woman with child", a parent).
    ("single men|males", "men"),
    ("single women|females", "women"),
    ("min . age", "minimum age"),
    ("mos .?", "months"),
    ("req's|req'ts|reqs|reqts", "requirements"),
    ("/ yr|year", "per year"),
    ("/ mo|month", "per month"),
    // "18 & under": every table reads "and" where it reads "&".
    ("&", "and"),
    ("with in", "within"),
    // "Must live in the state of Illinois": the state's name says it.
    ("the? state of", ""),
    // "referred to the program by the court".
    (
        "referred to the|this|our? program|service|agency|project by",
        "referred by",
    ),
    ("proving|confirming|documenting", "verifying"),
    // "seniors over 60 as well as their caretakers or spouses".
    ("as well as", "and"),
    // An income limit however it is compared ("income at or below",
    // "not to exceed", "no more than") or headed ("Income limit: 125% of
    // the federal poverty level", "Maximum income: $30,000 a year"): the
    // limit is the figure (a limit carries no strictness).
    (
        "income|incomes must|should|may? be|is|are? at or below|under",
        "income under",
    ),
    ("income|incomes of? no|not more than", "income under"),
    ("income|incomes not to exceed", "income under"),
    // "Your income cannot be more than $39,600 for 1 person" (not "must be
    // more than": a floor).
    (
        "income|incomes cannot|can't be more|greater than",
        "income under",
    ),
    (
        "income|incomes must|may|should not be more|greater than",
        "income under",
    ),
    ("income|incomes cannot|can't be over|above", "income under"),
    (
        "income|incomes must|may|should not be over|above",
        "income under",
    ),
    // "max. income $32,000/yr".
    ("max .", "maximum"),
    // "Your income cannot be more than ...": whose income adds nothing.
    ("your|their income|incomes", "income"),
    (
        "your|their household|family income|incomes",
        "household income",
    ),
    ("income|incomes of? up to", "income under"),
    // (Not "income limit of $47,520 for 1 person": a table by size.)
    ("income limit|cap|ceiling|maximum :|is", "income under"),
    ("maximum|max .? income|incomes :|is", "income under"),
    // "whether or not they have children": no condition either way.
    (
        ", whether or not they have children|kids",
        "with or without children",
    ),
    // "with consent of a parent or guardian": a formality.
    (
        "with the? consent|permission of a|their? parent|parents or|/? guardian|guardians?",
        "with parent consent",
    ),
    // Where the people served live, however said.
    (
        "must? live|lives|living|reside|resides|residing in|within the|our|its? service area",
        "resident of the service area",
    ),
    ("resident|residents of the county", "county residents"),
    (
        "must? live|lives|living|reside|resides|residing or? work? in|within the county",
        "county residents",
    ),
    // "the area we serve", "the area this program serves", "the area
    // served": the service area.
    (
        "the|our area|areas we|you|it|they serve|serves|cover|covers",
        "the service area",
    ),
    (
        "the area|areas this|the|our program|agency|service|project|organization serves|covers",
        "the service area",
    ),
    ("the area|areas served|covered", "the service area"),
    // Proof of residence however said ("proof that you live in ...",
    // "papers that prove where you live").
    ("proof that you live|reside", "proof of residence"),
    ("proof of where you live|reside", "proof of residence"),
    (
        "papers|documents|documentation that prove|proves|show|shows where you live|reside",
        "proof of residence",
    ),
    ("rec|recs .", "recommendation"),
    ("via", "through"),
    // "Requires a recommendation from a teacher".
    ("recommendation|recommendations from", "referral from"),
    // "Must belong to the San Carlos Villagers".
    ("belong|belongs to", "be a member of"),
    // "currently held in a jail or prison" ("held at" is as often where
    // classes are).
    ("held|housed|confined|detained in a|an? jail", "in jail"),
    ("held|housed|confined|detained in a|an? prison", "in prison"),
    // "Recently released from prison", "Must have been incarcerated": a
    // past in custody (not "incarcerated", which is now).
    ("recently|newly released", "released"),
    (
        "who|must? have|has been incarcerated|imprisoned",
        "previously incarcerated",
    ),
    // "Exclusively for women".
    ("exclusively|solely|strictly", "only"),
];

/// Sentences that say how to come and ask nothing ("No appointment
/// necessary", "Walk-ins welcome", "Wheelchair accessible"): left to
/// verify, they cast no doubt on the sentences beside them.
pub(super) const ASKS_NOTHING: &[&str] = &[
    "no appointment|appointments|appt necessary|needed|required .?",
    "walk -? ins|in are? welcome|accepted .?",
    "self -? referrals|referral are? accepted|welcome .?",
    // Link-SF's notes: access, the wait, and a fee no one is refused for.
    "wheelchair|ada accessible .?",
    "the? waiting|wait list varies|vary .?",
    "no|nobody one? is? turned away for lack of funds|income|money .?",
];

/// Words that carry no condition.
pub(super) const FILLER: &[&str] = &[
    "a|an|the",
    "person|persons|people|individual|individuals|those",
    // "People who are currently homeless".
    "currently",
    // "Shut-off notice required", "Court order required": what is named
    // is asked for either way.
    "required|needed|necessary",
    "household|households with",
    "must have|bring|show a|an?",
    "all persons|people|individuals",
    "only",
    "must be",
    "who is|are",
    "serves|serving",
    "eligibility",
    "free to eligible persons|entities",
    "free to eligible persons / entities",
    "flat fee regardless of income",
    "sliding scale based on income",
    "for|with",
    "over",
    // "Woman over 18 with or without children": no condition either way.
    "with or without children|kids|dependents",
    // A minor's consent is a formality, not a condition on who is served.
    "with parent|parental|parents|guardian /? guardian? consent|permission",
    "open|available|limited|restricted to",
    "open|available|limited|restricted only to",
    // "Clients must be residents of San Francisco", "Services limited to
    // residents of Santa Clara County".
    "client|clients|applicant|applicants|participant|participants",
    // "Eligible clients must be residents of Cook County".
    "eligible client|clients|applicants|participants|persons|individuals",
    "services|service|programs|program are|is? limited|restricted only? to",
];

/// Requirement phrases: what a client must bring or do first.
pub(super) const REQUIREMENT: &[(&str, RequirementKind)] = &[
    (
        "must? have|bring|show? a|an? valid? federal|state|photo? ,? state? id|identification",
        RequirementKind::Id,
    ),
    ("id|identification required|necessary", RequirementKind::Id),
    (
        "photo|picture id|identification required|necessary",
        RequirementKind::Id,
    ),
    ("id or social security card required", RequirementKind::Id),
    ("social security card required", RequirementKind::Id),
    (
        "social security card|cards and|or birth certificate|certificates required|needed|necessary",
        RequirementKind::Id,
    ),
    (
        "birth certificate|certificates required|needed|necessary",
        RequirementKind::Id,
    ),
    (
        "must? have|bring|show a|their|your? birth certificate|certificates",
        RequirementKind::Id,
    ),
    // With a verb: a card or a passport is often what a service helps get.
    (
        "must? have|bring|show a|your|their? social security card|cards",
        RequirementKind::Id,
    ),
    (
        "must? have|bring|show a|your|their? green card|cards",
        RequirementKind::Id,
    ),
    (
        "must? have|bring|show a|your|their? passport|passports",
        RequirementKind::Id,
    ),
    ("name and address id", RequirementKind::Id),
    ("id with name and address", RequirementKind::Id),
    ("proof|verification of income", RequirementKind::IncomeProof),
    ("income verification", RequirementKind::IncomeProof),
    // With a verb: a tax return is often the service's topic ("free tax
    // return preparation").
    (
        "must? provide|bring|show|submit a|your|their? most? recent|last|latest? tax return|returns",
        RequirementKind::IncomeProof,
    ),
    (
        "a? copy of a|your|their|last? federal|state? tax return|returns",
        RequirementKind::IncomeProof,
    ),
    (
        "last year's|years federal|state? tax return|returns",
        RequirementKind::IncomeProof,
    ),
    // "all W-2 and 1099 forms" (with "forms": "M/W 1-4" is two days).
    ("w -? # form|forms", RequirementKind::IncomeProof),
    ("w -? # and|or # form|forms", RequirementKind::IncomeProof),
    ("verifiable income", RequirementKind::IncomeProof),
    (
        "pay|paycheck|check stub|stubs",
        RequirementKind::IncomeProof,
    ),
    (
        "income statement|statements|documents|documentation",
        RequirementKind::IncomeProof,
    ),
    (
        "mail|bill|lease|letter showing|with your? current? address",
        RequirementKind::ResidencyProof,
    ),
    (
        "referral letter|letters|form|forms",
        RequirementKind::Referral,
    ),
    // Not "referrals accepted from anyone": a way in, not the only one.
    ("referral|referrals only from", RequirementKind::Referral),
    (
        "referral|referrals accepted only from",
        RequirementKind::Referral,
    ),
    (
        "proof of residency|residence|address",
        RequirementKind::ResidencyProof,
    ),
    (
        "id verifying|showing|proving residency|residence|address",
        RequirementKind::ResidencyProof,
    ),
    ("eviction notice", RequirementKind::EvictionNotice),
    ("notice of eviction", RequirementKind::EvictionNotice),
    // "a written notice to pay rent or vacate", "a notice to quit".
    (
        "notice to pay rent or|and vacate|quit",
        RequirementKind::EvictionNotice,
    ),
    ("notice to vacate|quit", RequirementKind::EvictionNotice),
    ("pay or quit|vacate notice", RequirementKind::EvictionNotice),
    (
        "# -? day pay or quit|vacate notice",
        RequirementKind::EvictionNotice,
    ),
    ("# -? day notice", RequirementKind::EvictionNotice),
    ("shut -? off notice", RequirementKind::ShutOffNotice),
    (
        "shutoff|disconnection|disconnect notice",
        RequirementKind::ShutOffNotice,
    ),
    (
        "notice of disconnection|termination",
        RequirementKind::ShutOffNotice,
    ),
    (
        "court papers|paperwork|documents|notice|notices|summons|order",
        RequirementKind::CourtPapers,
    ),
    ("unlawful detainer", RequirementKind::CourtPapers),
    // With a verb or a copy: obtaining an order is often the service.
    (
        "must? have|bring|show a|an|the? copy? of? the|a|an? restraining|protective order|orders|injunction",
        RequirementKind::CourtPapers,
    ),
    ("summons", RequirementKind::CourtPapers),
    // "Bring your file-stamped petition" (a petition alone is as often
    // what the service helps file).
    (
        "bring|have your|the|a? copy? of? the|your? file? stamped? petition|complaint",
        RequirementKind::CourtPapers,
    ),
    // "Bring all of the papers you were served".
    ("papers you were served", RequirementKind::CourtPapers),
    ("papers you have been served", RequirementKind::CourtPapers),
    ("must be referred|placed", RequirementKind::Referral),
    ("referred by|through|from", RequirementKind::Referral),
    ("referral from|by|through", RequirementKind::Referral),
    (
        "referrals accepted? from agencies|agency only",
        RequirementKind::Referral,
    ),
    (
        "court|physician|doctor|school|agency referral",
        RequirementKind::Referral,
    ),
    // Not "court referrals are accepted": other clients come too.
    (
        "court|physician|doctor|school|agency referrals only|required",
        RequirementKind::Referral,
    ),
    ("appointment by the court", RequirementKind::Referral),
    ("recommended by", RequirementKind::Referral),
    (
        "referral|referrals required|needed|necessary",
        RequirementKind::Referral,
    ),
    ("by referral", RequirementKind::Referral),
    ("referral|referrals only", RequirementKind::Referral),
    // "by 311 referral only".
    ("by # referral|referrals", RequirementKind::Referral),
    ("must have a referral", RequirementKind::Referral),
    (
        "must schedule|make|book an? appointment|appt",
        RequirementKind::Appointment,
    ),
    (
        "must send|make|submit a|the? referral",
        RequirementKind::Referral,
    ),
    ("placement by referral", RequirementKind::Referral),
    ("physician's approval|referral", RequirementKind::Referral),
    (
        "teacher recommendation|recommendations",
        RequirementKind::Referral,
    ),
    (
        "brought to the facility by police",
        RequirementKind::Referral,
    ),
    (
        "call for an? intake? appointment|appt|interview",
        RequirementKind::Appointment,
    ),
    ("by appointment only?", RequirementKind::Appointment),
    (
        "appt|appts|appointment|appointments only",
        RequirementKind::Appointment,
    ),
    // "Bring proof of income and a photo ID to your appointment".
    (
        "to|at your intake? appointment|appt",
        RequirementKind::Appointment,
    ),
    (
        "call to schedule|make an? appointment|appt",
        RequirementKind::Appointment,
    ),
    // "New patients must call to schedule a first visit".
    ("must call to schedule|book", RequirementKind::Appointment),
    (
        "call ahead|first to schedule|make|book",
        RequirementKind::Appointment,
    ),
    (
        "to schedule|book a|an screening|intake|appointment|appt|interview",
        RequirementKind::Appointment,
    ),
    (
        "call for your|a first? appointment|appt|visit",
        RequirementKind::Appointment,
    ),
    ("reserve a|one day ahead", RequirementKind::Appointment),
    (
        "intake|screening interview|appointment required|necessary",
        RequirementKind::Appointment,
    ),
    (
        "appointment|appointments required|necessary|needed",
        RequirementKind::Appointment,
    ),
    (
        "for a|an? intake? appointment|appt",
        RequirementKind::Appointment,
    ),
    (
        "undergo|complete|attend a|an? screening|intake|eligibility interview|appointment",
        RequirementKind::Appointment,
    ),
    (
        "appointment|appointments are|is required|necessary|needed",
        RequirementKind::Appointment,
    ),
    (
        // Not "register in advance": labellers read registering as no
        // appointment ("Parents must register in advance with a photo ID").
        "must? sign up in advance",
        RequirementKind::Appointment,
    ),
    (
        "advance? registration|reservation|reservations required|necessary|needed",
        RequirementKind::Appointment,
    ),
];

/// Phrases saying people may come without an appointment.
pub(super) const WALK_IN: &[&str] = &["drop|walk -? in|ins", "come in or call"];

/// Phrases naming organizations as the only clients (agency-to-agency).
pub(super) const AGENCY: &[&str] = &[
    "non? profit|nonprofit community? based? agency|agencies|organization|organizations|group|groups",
    "a non? profit|nonprofit organization or small business",
    // "Nonprofits or small businesses".
    "nonprofits|nonprofit or|and small? businesses|business",
    "small? businesses|business or|and nonprofits|nonprofit",
    "nonprofit educational or charitable service",
    "nonprofit 501 c 3 agency",
    "school|schools or|and agency|agencies",
    "any business|businesses",
    "501 c 3 status",
    "a? 501 c 3 organization|organizations|nonprofit|nonprofits|agencies",
    // "Grants are not made to individuals".
    "not made|given|awarded|available to individuals",
    "groups|communities|organizations|congregations|churches|libraries may|can request|book|schedule",
    // "public agencies and 501(c)(3) nonprofits may acquire", "Senior
    // centers ... may apply to host".
    "nonprofits|agencies|organizations|schools|districts|libraries|centers|properties|congregations|churches|employers|businesses may|can acquire|apply|receive|purchase|order|join|host|enroll",
    "nonprofit agency or school",
    "public school or school district",
    "government , nonprofit , business group or organization",
    // "Services for agencies only, not for individuals".
    "for? agencies|organizations|professionals|providers|businesses|employers only",
    // "Services are provided to organizations, not individuals".
    "to|for organizations|agencies|nonprofits|groups|businesses ,? not individuals|individual",
    // A food bank's or a funder's clients ("registered member agencies",
    // "partner pantries", "community-based organizations").
    "registered? member|partner|participating|affiliated agency|agencies|organizations|pantries|clinics|providers",
    "social service agency|agencies|providers",
    "community|faith based organization|organizations|agency|agencies|group|groups",
    "schools and|or community groups|organizations",
    "businesses and|or employers",
    "employers and|or businesses",
    "school districts and|or",
    "agencies must apply",
    // "nonprofits apply to become a pantry site".
    "nonprofits|agencies|organizations|churches apply to become|be",
    // Professionals are no clients: "Trainings for case managers and
    // social workers", "Schools may request classroom presentations".
    "for|to case managers",
    "for|to caseworkers|clinicians|professionals|interpreters",
    "for|to social|case workers",
    "for|to teachers and|or school? counselors|staff|administrators",
    "professional development",
    "technical assistance to|for",
    "schools|teachers|organizations|agencies|businesses|employers may|can request|book|schedule",
    // Organizations as recipients: "workshops to small nonprofits",
    // "supplies to shelters and soup kitchens", "equipment to home health
    // agencies", "helps local businesses hire".
    "to|for small|local|community? nonprofits|charities",
    "to|for shelters|pantries and|or soup|food kitchens|pantries|banks",
    "to|for home health agencies|providers|programs",
    "to|for hospice agencies|providers|programs",
    "to|for human service agencies|providers|programs",
    "to|for homeless|health|social service providers",
    "helps|serves|assists local|small? businesses|employers",
    // "helps school districts set up pantries", "helps critical access
    // hospitals", "reimburse employers".
    "help|helps|serves|assists|coaches|reimburse|reimburses school districts",
    "help|helps|serves|assists|coaches|reimburse|reimburses critical? access? hospitals|clinics|grantees|employers|libraries",
    "help|helps newly? forming? community? groups|nonprofits|organizations incorporate|form|start",
    "individual requests are not accepted",
    "individual requests cannot be accepted",
    // "Nonprofits serving homeless individuals may apply".
    "nonprofits|organizations|agencies serving",
    "nonprofits|organizations|agencies that|who serve",
    "schools , churches|congregations",
    "churches|congregations and|or youth|community groups",
    // "Not for individual clients": agency to agency.
    "not for|to individual|individuals clients?",
    "not available|open to individual|individuals clients?",
    "no individual clients",
    // Individuals turned away in so many words: "We do not distribute food
    // directly to individuals", "It does not provide direct services",
    // "Sales to individuals are not permitted", "We do not accept cases
    // from members of the public", "Congregations, not individual
    // families, apply".
    "not|never|don't|doesn't provide|offer direct services|service|assistance|care",
    "not|never|don't|doesn't distribute|provide|offer|sell|give|lend food|services|grants|funds|equipment|loans|assistance? directly to individuals|families|clients|people|consumers|patients|residents",
    "not|never|don't|doesn't distribute|provide|offer|sell|give|lend food|services|grants|funds|equipment|loans|assistance? directly to the public",
    "individuals|individual and? for? profit? businesses? are|is not eligible",
    "to individuals are|is not permitted|allowed|available|accepted|eligible",
    "not|don't|doesn't accept cases|applications|requests|referrals|calls from individuals",
    "not|don't|doesn't accept cases|applications|requests|referrals|calls from members of the public",
    "not|don't|doesn't accept cases|applications|requests|referrals|calls from the public",
    // (Not "referrals must come from a provider": clients referred.)
    "requests|applications must come from an? organization|organizations|agency|agencies",
    "not individual families|clients|people|persons",
    // Professionals and institutions as the only clients: "Open to licensed
    // child care providers", "courses for licensed social workers", "child
    // care staff and other professionals", "training for shelter staff",
    // "profiles for city departments", "interpreters for hospitals, clinics
    // and courts", "support to legal aid attorneys".
    // (Only "for" or "open to": "referrals to licensed child care
    // providers" serve parents.)
    "for licensed child? care? providers|professionals|clinicians|counselors|therapists|nurses|physicians|social",
    "open to licensed child? care? providers|professionals|clinicians|counselors|therapists|nurses|physicians|social",
    "and|or other professionals who work|working",
    "for shelter|agency|program|clinic|school|frontline staff",
    // (Only "for": "rides to hospitals and clinics", "referrals to
    // county agencies" serve people.)
    "for city|county|state|government departments|agencies",
    "for hospitals|clinics|courts ,|and|or hospitals|clinics|courts",
    "for legal aid attorneys|lawyers|advocates|programs|organizations",
    "training|support|research|counseling to legal aid attorneys|lawyers|advocates|programs|organizations",
    "fqhcs|nonprofits only",
    "small businesses|business with fewer than",
    // "Landlords and property managers renting to voucher holders"
    // (tenants named beside them are served too).
    "landlords and|or property managers|owners",
    "property owners and|or managers",
    "individuals|individual and|or families|family are|is not eligible",
    "public and|or private schools",
    // "Government agencies and nonprofits", "Tax-exempt organizations",
    // "Organizations must be 501(c)(3)", "Must be a registered nonprofit".
    "government|public agencies and|or nonprofits|nonprofit",
    "tax -? exempt organization|organizations|agency|agencies|nonprofits|groups",
    "organizations|agencies|applicants must be a? registered? nonprofit|nonprofits|501 c 3",
    "registered nonprofit|nonprofits|charity|charities",
    "community health centers only",
    // Common wordings of the same, beyond the sets read: "This is not a
    // direct service program", "We do not serve the public", "Only
    // nonprofits may apply", "Eligible applicants are nonprofit
    // organizations and local governments", "grants to community
    // organizations", "training for health care providers", "for school
    // districts and municipalities". (Not "we do not serve individuals"
    // nor "families, not individuals": a qualifier may follow, "under 18",
    // or a group served instead.)
    "not a direct service program|provider|agency",
    "no|not direct client? services",
    "not|don't|doesn't serve|assist|help the public",
    "only organizations|agencies|nonprofits|schools|churches|congregations|businesses|employers|providers may|can apply|register|order|request|participate|enroll",
    "eligible applicants are|include nonprofit|nonprofits|public|local|tribal|government|governments|organizations|agencies",
    "grants|funding|funds to|for nonprofit|nonprofits|local|community|public organizations|agencies|nonprofits|schools|governments?",
    // (Only "for": "referrals to health care providers", "to employers",
    // "to local agencies" serve people.)
    "for health|medical care? providers|professionals|clinicians|practices",
    "for healthcare providers|professionals|clinicians|practices",
    "for educators|employers|municipalities",
    "for school districts|staff|administrators",
    "for local governments|agencies",
    "membership is? open|limited|restricted to any? organization|organizations|agencies|nonprofits|businesses|programs|providers",
    "available only to nonprofit|nonprofits|agencies|organizations|providers",
    "accepted only from organizations|agencies|nonprofits|providers",
    // Professionals and their employers named in prose: "a course for law
    // enforcement officers", "trains volunteer attorneys", "free CLE
    // credit", "prepares employees of clinics", "for volunteer coordinators
    // at nonprofits", "gives pediatricians ... consultation", "for family
    // child care home providers", "Head Start grantees".
    "for law enforcement officers|agencies",
    "trains|training for volunteer? attorneys|lawyers|paralegals",
    "cle|ceu|ceus credit|credits|hours",
    "continuing education credit|credits|units|hours",
    "employees|staff of clinics|agencies|organizations|hospitals|nonprofits",
    "coordinators|directors|managers|administrators at|of nonprofits|agencies|hospitals|schools|organizations",
    "gives|give pediatricians|physicians|doctors|clinicians",
    "for family? child care home? providers|directors|centers",
    "grantees|subgrantees",
    "grantee|member agencies|organizations",
    "our clients are employers|businesses|agencies|organizations|nonprofits|providers|schools",
    "businesses|employers|organizations|agencies|nonprofits of any size may|can",
    "funds|funding|grants to agencies|organizations|nonprofits",
    "for|to nonprofit housing developers",
    "to churches|congregations|mosques|synagogues|temples ,|and|or",
];

/// Words that say individual people are served too (an agency cue in the
/// same text is then not "agency only").
pub(super) const INDIVIDUAL: &[&str] = &[
    // People a service may name as its own clients (an agency cue beside
    // them is then not "agency only": a wrong one hides the service).
    "parent",
    "parents",
    "guardian",
    "guardians",
    "seniors",
    "veterans",
    "tenants",
    "renters",
    "homeowners",
    "women",
    "men",
    "adults",
    "individual",
    "individuals",
    "person",
    "persons",
    "people",
    "resident",
    "residents",
    "family",
    "families",
    "anyone",
    "client",
    "clients",
    "teacher",
    // Not "patient": "patient lifts" is a thing.
    "patients",
];

/// Professionals named after the people they serve ("family therapists",
/// "family physicians"): no individual client. ("Family law" is a topic,
/// and a service naming it serves families.)
pub(super) const PROFESSIONAL: &[&str] = &[
    "therapist",
    "therapists",
    "physician",
    "physicians",
    "doctor",
    "doctors",
    "practitioner",
    "practitioners",
];

/// Nouns after a people word that make it a topic's ("family engagement",
/// "family resource centers"), no person served.
pub(super) const PEOPLE_AS_TOPIC: &[&str] = &[
    "engagement",
    "resource",
    "resources",
    "planning",
    "literacy",
    "development",
    "strengthening",
];

/// Words after "ID" that make it a topic, not a document to bring
/// ("identification theft", "Identification Matters", "ID replacement").
pub(super) const ID_TOPIC: &[&str] = &[
    "theft",
    "matters",
    "number",
    "numbers",
    "replacement",
    "replacements",
    "recovery",
    "assistance",
    "help",
    "services",
    "vouchers",
    "clinic",
    "clinics",
    "problems",
    "issues",
];

/// Words right before a group that make it someone else's, not the
/// client's ("children of veterans", "family members of people in jail",
/// "providers who serve homeless clients"). No part is optional: each
/// phrase has a fixed length, and must end where the group starts.
pub(super) const SOMEONE_ELSES: &[&str] = &[
    // "people whose loved ones are incarcerated".
    "whose loved ones are|is",
    // "Family members visiting inmates".
    "visiting",
    "whose relatives|children|partners|spouses|family|son|daughter are|is",
    "children|child|kids|sons|daughters|spouse|spouses|wives|husbands|widows|widowers|families|family|caregivers|caregiver|caretakers|relatives|dependents|friends|ones of",
    "family members of",
    // "Family members of people with mental illness".
    "family members of people|persons|individuals|adults|those|someone",
    "family members of people|persons|individuals|adults|those|someone with",
    // "Family and friends of people with mental illness", "Parents of
    // children with developmental disabilities".
    "children|child|kids|spouses|families|family|caregivers|relatives|friends|ones of people|persons|individuals|adults|those|someone",
    "children|child|kids|spouses|families|family|caregivers|relatives|friends|ones of people|persons|individuals|adults|those|someone with",
    "parents|caregivers|families|family|relatives of children|kids|youth|teens|adults|people",
    "parents|caregivers|families|family|relatives of children|kids|youth|teens|adults|people with",
    "parents|caregivers of a child|son|daughter|teen",
    "who serve|serves",
    "who work|works with",
    // Whom volunteers or staff help, or who the staff are: "We train
    // volunteers to support survivors", "tutors are needed to help refugee
    // children", "our counselors are combat veterans".
    "volunteers|volunteer|tutors|mentors|advocates to support|help|serve|assist|tutor|mentor",
    "needed|wanted to support|help|serve|assist|tutor|mentor",
    "counselors|staff|volunteers|instructors|mentors|advocates|attorneys are|were",
    "counselors|staff|volunteers|instructors|mentors|advocates|attorneys are|were combat|former|also",
];

/// Nouns that make the group word before them a kind of legal case
/// ("custody litigation", "immigration cases").
pub(super) const CASE: &[&str] = &[
    "litigation",
    "case",
    "cases",
    "matter",
    "matters",
    "dispute",
    "disputes",
    "proceeding",
    "proceedings",
    "hearing",
    "hearings",
    "battle",
    "battles",
    "evaluation",
    "evaluations",
];

/// Relatives a group word may describe instead of the client.
pub(super) const RELATIVE: &[&str] = &[
    "grandchild",
    "grandchildren",
    "relative",
    "relatives",
    "spouse",
    "spouses",
    "husband",
    "wife",
    "sibling",
    "siblings",
];

/// "and their families": the people around a population are served too, so
/// the population is only a hint (Low confidence).
pub(super) const ALSO_FAMILY: &[&str] = &[
    "and|or their? family|families|dependents|partner|partners|spouse|spouses member|members?",
    "and their? family or partner",
    // "LGBTQ youth and allies": anyone who supports them may come.
    "and|& allies",
    "and / or their? family|families|dependents",
];

/// How two terms are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Conn {
    And,
    Or,
    Comma,
}

/// Connectors between terms.
pub(super) const CONNECTOR: &[(&str, Conn)] = &[
    ("and|&", Conn::And),
    ("or", Conn::Or),
    ("and / or", Conn::Or),
    (",", Conn::Comma),
    // "Homeless or at risk of homelessness — Multnomah County" (every
    // dash is "-"; one between words is dropped unless spaced).
    ("-", Conn::Comma),
];

/// Capitalized words that are never part of a place name.
pub(super) const NOT_PLACE: &[&str] = &[
    "resident",
    "residents",
    "must",
    "live",
    "lives",
    "living",
    "reside",
    "resides",
    "residing",
    "area",
    "served",
    "age",
    "ages",
    "and",
    "or",
    "of",
    "the",
    "in",
    "low",
    "income",
    // "Orange, Seminole and Osceola Counties": the plural is no name's end.
    "counties",
    // "in ZIP codes 60619, 60620 and 60621".
    "zip",
    // "groups for women in English and Spanish", "children in Head Start":
    // a language, a program.
    "english",
    "start",
    // "live in Section 8 housing": a program; "Chinatown SROs": buildings.
    "section",
    "sro",
    "sros",
];

/// Capitalized nouns that end a program's or an organization's name
/// ("Homeless Legal Prevention Project"): the group words in it name no one.
pub(super) const PROGRAM: &[&str] = &[
    "chapter",
    "project",
    "program",
    "programs",
    "clinic",
    "act",
    "initiative",
    "coalition",
    // An organization's name ("Jewish Community Center", "Chinese Family
    // Services").
    "center",
    "centers",
    "services",
    "charities",
    "federation",
    "association",
    "society",
    "council",
    "foundation",
    "hospital",
    "league",
    "agency",
    "building",
    "hall",
    "post",
    "legion",
];

/// Words closing a place's name that make it a housing complex ("Maple
/// Grove Apartments"): its residents are members, not an area's.
pub(super) const HOUSING_COMPLEX: &[&str] = &["apartments", "apts", "homes", "towers"];

/// Words after a place that make it where something is, not where the
/// client lives ("charged in Clackamas County courts").
pub(super) const PLACE_OF_AN_INSTITUTION: &[&str] = &[
    "court",
    "courts",
    "jail",
    "jails",
    "prison",
    "prisons",
    "detention",
];

/// Capitalized nouns after a name that make it a building's ("Brennan
/// House").
pub(super) const BUILDING: &[&str] = &[
    "house", "center", "centre", "hall", "home", "shelter", "hospital", "clinic", "school",
];

/// Capitalized words between a school district's town and "School
/// District" or "Schools" ("Austin Independent School District").
pub(super) const SCHOOL_DISTRICT_KIND: &[&str] = &[
    "unified",
    "elementary",
    "independent",
    "public",
    "city",
    "union",
    "high",
    "consolidated",
    "community",
    "county",
];

/// Abbreviations in place names whose period ends no sentence ("Lane Co.
/// residents", "St. Lucie", "Ft. Myers").
pub(super) const PLACE_ABBREVIATION: &[&str] = &["co", "st", "ft", "mt"];

/// Words of other tables that open place names ("New York City").
pub(super) const PLACE_OPENER: &[&str] = &["new"];

/// Capitalized words after which a word of another table is a place's
/// name ("Foster City", "Pacific Grove", "Senior Heights").
pub(super) const PLACE_FEATURE: &[&str] = &[
    "city",
    "county",
    "grove",
    "valley",
    "beach",
    "park",
    "heights",
    "hills",
    "lake",
    "lakes",
    "bay",
    "springs",
    "point",
    "harbor",
    "island",
    "gardens",
    "village",
    "shores",
    "creek",
    "ridge",
    "station",
    "falls",
    "mountain",
    "mountains",
    "town",
    // Louisiana's counties ("Orleans Parish"), a tribe's land.
    "parish",
    "reservation",
];

/// Words that name no place on their own ("County resident": which county?).
pub(super) const GENERIC_PLACE: &[&str] = &[
    "county", "city", "state", "district", "zone", "ward", "precinct", "of",
];

/// Words between "or" and the choice after it, or around a group, that name
/// no choice ("or an involved parent", "or who are in extended foster care",
/// "homeless person or ...").
pub(super) const CHOICE_FILLER: &[&str] = &[
    "person",
    "persons",
    "people",
    "individual",
    "individuals",
    "a",
    "an",
    "the",
    "who",
    "is",
    "are",
    "those",
];

/// Conditions that say who may come ("if the applicant is a victim of ...").
pub(super) const STATES_WHO: &[&str] = &["if the applicant|client|caller|person is|has"];

/// Words naming those who raise children ("Spanish-speaking families").
pub(super) const PARENT_WORDS: &[&str] = &[
    "family",
    "families",
    "parent",
    "parents",
    "guardian",
    "guardians",
    "mothers",
    "fathers",
];

/// Young people who are a child of whoever is named caring for them before
/// ("Parents of teens 13-18", "Guardians of youth ages 12-17").
pub(super) const YOUNG_WORDS: &[&str] = &[
    "teen",
    "teens",
    "teenager",
    "teenagers",
    "youth",
    "adolescents",
    "son",
    "sons",
    "daughter",
    "daughters",
];

/// Those who care for a young person of their own or in their charge.
pub(super) const CARER_WORDS: &[&str] = &[
    "parent",
    "parents",
    "guardian",
    "guardians",
    "caregiver",
    "caregivers",
    "caretaker",
    "caretakers",
    "relatives",
    "grandparents",
    "mothers",
    "fathers",
    "families",
];

/// Those who care for an adult ("Caregivers of adults 60 and older").
pub(super) const CAREGIVER_WORDS: &[&str] = &[
    "caregiver",
    "caregivers",
    "caretaker",
    "caretakers",
    "caring",
];

/// Adults someone may care for: an age after one is theirs.
pub(super) const CARED_FOR_ADULTS: &[&str] = &[
    "adult",
    "adults",
    "person",
    "persons",
    "individual",
    "individuals",
    "someone",
    "people",
    "seniors",
    "elders",
    "relative",
    "relatives",
];

/// Words naming a child someone has (an age after one is the child's).
pub(super) const CHILD_WORDS: &[&str] = &[
    "child",
    "children",
    "kids",
    "infant",
    "infants",
    "toddler",
    "toddlers",
    "baby",
    "babies",
    "grandchild",
    "grandchildren",
    "minor",
    "minors",
];

/// First words of a sentence about the client's parents or family ("Family
/// must live at least 50 miles away"): a child's age beside it is the
/// child's.
pub(super) const PARENT_SUBJECT: &[&str] = &[
    "family",
    "families",
    "parent",
    "parents",
    "guardian",
    "guardians",
    "searcher",
];

/// People whose conditions are not the client's, named before "must"
/// ("Jesuit volunteers must be age 21 or over").
pub(super) const NOT_CLIENTS: &[&str] = &[
    "volunteer",
    "volunteers",
    "mentor",
    "mentors",
    "tutor",
    "tutors",
    "staff",
];

/// Words after a group opening a sentence that make it the sentence's
/// subject ("Family that meets ...", "Child referred by ...").
pub(super) const SUBJECT_FOLLOWER: &[&str] = &[
    "that",
    "who",
    "whose",
    "with",
    "must",
    "referred",
    "has",
    "have",
    "in",
    "of",
    "at",
    "needing",
    "requiring",
    "experiencing",
    "enrolled",
    "attending",
    "receiving",
    "diagnosed",
];

/// Phrases saying people from outside the area are served too.
pub(super) const OUTSIDERS: &[&str] = &[
    "out -? of -? state|county|area residents",
    "non -? residents",
    "nonresidents",
];

/// Places written by a short name, read as their full one (which the
/// boundary data knows).
pub(super) const PLACE_ALIASES: &[(&str, &str)] = &[("SF", "San Francisco")];

/// Lower-case words that may open a place name.
pub(super) const PLACE_QUALIFIER: &[&str] = &[
    "unincorporated",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "coastal",
    "north",
    "south",
    "east",
    "west",
];

/// States, which after a comma qualify the towns before them ("Hillsborough,
/// California") and are regions like counties ("women in Oklahoma").
pub(super) const STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    // Abbreviations that are no English word.
    "ca",
    "fl",
    "il",
];

/// What a service's name says about who it serves.
#[derive(Debug, Clone, Copy)]
pub(super) enum Cue {
    Gender(Gender),
    Population(Situation),
}

/// Cues in service names. A shelter, house or ministry named for one gender
/// serves that gender (High); a center, clinic or program named for a group
/// is a hint (Low): "Senior Center" lunches often take anyone.
pub(super) const NAME_CUES: &[(&str, Cue, Confidence)] = &[
    (
        "women's|womens|women|woman's ministry|ministries|shelter|house|residence|home",
        Cue::Gender(Gender::Female),
        Confidence::High,
    ),
    (
        "men's|mens|men|man's ministry|ministries|shelter|house|residence|home",
        Cue::Gender(Gender::Male),
        Confidence::High,
    ),
    (
        "women's|womens center|centre|clinic|program|programs",
        Cue::Gender(Gender::Female),
        Confidence::Low,
    ),
    (
        "men's|mens center|centre|clinic|program|programs",
        Cue::Gender(Gender::Male),
        Confidence::Low,
    ),
    (
        "senior|seniors center|centers|centre|housing|apartments|residence|program|programs|services|lunch|nutrition",
        Cue::Population(Situation::Senior),
        Confidence::Low,
    ),
    (
        "teen|teens|youth center|centers|program|programs|shelter|clinic",
        Cue::Population(Situation::Youth),
        Confidence::Low,
    ),
    (
        "veterans center|centers|program|programs|services",
        Cue::Population(Situation::Veteran),
        Confidence::Low,
    ),
];

/// Days and their abbreviations, the names a sentence of times may hold
/// ("Lunch M-F at noon", "Closed Sundays").
pub(super) const DAY_WORDS: &[&str] = &[
    "m",
    "t",
    "w",
    "th",
    "f",
    "sa",
    "su",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "am",
    "pm",
    "noon",
];

/// Words the tables use that name nothing by themselves ("in", "by", "the").
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "in", "by", "at", "the", "a", "an", "of", "on", "and", "&", "up", "to", "per", "is", "are",
    "be", "each", "every", "daily", "weekly", "day", "days", "week", "weeks", "month", "months",
    "hours", "hour", "time", "first", "come", "served",
];

/// Words that may admit, exclude or ask for something: a sentence with one
/// of them may bear on who may come, even when no table reads it
/// ("Couples accepted", "Pets allowed", "Must attend orientation").
pub(super) const MAY_CONDITION: &[&str] = &[
    "only",
    "except",
    "unless",
    "must",
    "required",
    "require",
    "requires",
    "need",
    "needs",
    "needed",
    "necessary",
    "welcome",
    "welcomed",
    "accepted",
    "accept",
    "accepts",
    "allowed",
    "admitted",
    "admit",
    "admits",
    "eligible",
    "eligibility",
    "qualify",
    "qualifies",
    "qualified",
    "serve",
    "serves",
    "served",
    "serving",
    "open",
    "limited",
    "restricted",
    "priority",
    "preference",
    "preferred",
    "also",
    "not",
    "no",
    "but",
    "may",
    "can",
    "cannot",
    "considered",
    "resident",
    "residents",
    "live",
    "lives",
    "living",
    "referral",
    "referred",
    "refer",
    "appointment",
    "appointments",
    "appt",
    "proof",
    "bring",
    "id",
    "if",
    "who",
    "whose",
    "and/or",
    "or",
    "call",
    "register",
    "registration",
    "reservation",
    "reservations",
    "sign",
    "apply",
    "application",
    "intake",
    "screening",
    "interview",
    "member",
    "members",
    "membership",
    "enrolled",
    "enroll",
    "for",
    "with",
    "without",
    "under",
    "over",
    "between",
    "from",
    "age",
    "ages",
    "year",
    "years",
    "old",
    "clients",
    "client",
    "participants",
    "patients",
    "people",
    "persons",
    "anyone",
    "everyone",
    "all",
    "none",
];

/// Words saying a document or step is needed ("proof of income
/// required").
pub(super) const NEEDED: &[&str] = &["required", "needed", "necessary"];

/// Words that negate the phrase after them ("no income requirement").
pub(super) const NEGATION: &[&str] = &["no", "not", "non", "without", "regardless"];

/// Words before "ID" that make it no document to bring ("employer ID
/// number", "update their ID", "your member ID card").
pub(super) const ID_NOT_REQUIRED: &[&str] = &[
    "employer",
    "tax",
    "update",
    "updating",
    "replace",
    "replacing",
    "change",
    "changing",
    "obtain",
    "obtaining",
    // "Help getting a state ID card": a topic ("Get a photo ID before you
    // come" asks for one).
    "getting",
    "renew",
    "renewing",
    "lost",
    "stolen",
    "member",
    // Papers the service helps prepare ("Help filling out court papers").
    "filling",
    "fill",
    "completing",
    "preparing",
    "prepare",
    "filing",
    "drafting",
    "understanding",
    "responding",
];

/// What a widening phrase says of the conditions beside it (see
/// `WIDENING`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Widening {
    /// A service open to every age ("Swim lessons for all ages").
    AllAges,
    /// Enrolment beside the one a text states ("Age 18 or over, concurrent
    /// enrollment for high school students": a college's courses are open
    /// to younger students too).
    ConcurrentEnrollment,
    /// Income does not matter ("qualify regardless of income").
    RegardlessOfIncome,
    /// Insurance does not matter ("regardless of insurance status").
    RegardlessOfInsurance,
    /// Military service does not matter.
    RegardlessOfService,
    /// Others welcome beside whoever a text names ("Partners, family
    /// members and friends are welcome to attend too").
    OthersWelcome,
    /// Everyone else pays: the conditions beside are a price's ("Free for
    /// seniors; others pay $5").
    OthersPay,
}

/// Phrases opening a service wider than the conditions beside them say.
pub(super) const WIDENING: &[(&str, Widening)] = &[
    // "Swim lessons for all ages", "All ages welcome" (a widening is asked
    // of every sentence, so the bare phrase covers both).
    ("all ages", Widening::AllAges),
    (
        "concurrent|dual enrollment|enrolment",
        Widening::ConcurrentEnrollment,
    ),
    (
        "qualify|qualifies|eligible|served|welcome regardless of their|your|household|family? income",
        Widening::RegardlessOfIncome,
    ),
    (
        "regardless of insurance status?",
        Widening::RegardlessOfInsurance,
    ),
    (
        "regardless of military|veteran service|status",
        Widening::RegardlessOfService,
    ),
    (
        "family|friends|partners|caregivers|everyone|anyone|public are|is also? welcome|invited",
        Widening::OthersWelcome,
    ),
    (
        "family members are|is also? welcome|invited",
        Widening::OthersWelcome,
    ),
    (
        "loved ones are|is also? welcome|invited",
        Widening::OthersWelcome,
    ),
    // "... were started for immigrants and refugees, but anyone who wants
    // to improve their English can enroll".
    (
        "but anyone|everyone who|can|may|is|are",
        Widening::OthersWelcome,
    ),
    // "Homeless, low income, or anyone in need". (Not "but not limited
    // to": as often a list of services, "services include, but are not
    // limited to, ...".)
    ("or anyone|everyone in need|else", Widening::OthersWelcome),
    ("others|nonmembers pay|pays", Widening::OthersPay),
    ("all others pay|pays", Widening::OthersPay),
    ("everyone else pays|pay", Widening::OthersPay),
];

/// Kinds of program a sentence may close on, stating that program's
/// conditions ("Age 60 or over for the nutrition program", "Ages 3-5 for
/// preschool").
pub(super) const PROGRAM_KIND: &[&str] = &[
    "program",
    "programs",
    "preschool",
    "camp",
    "camps",
    "class",
    "classes",
    "tutoring",
    "daycare",
];

/// Some of a service's programs open to all: the conditions stated beside
/// are another program's.
pub(super) const OPEN_FOR_SOME: &[&str] = &[
    "most|many|some|other programs|services are? open to all|anyone|everyone",
    "most|many|some|other programs|services have no restrictions|requirements",
];

/// Words between a negation and a group that only say what one must be
/// ("not need to be a", "don't have to be an").
pub(super) const MUST_BE: &[&str] = &[
    "need",
    "needs",
    "have",
    "has",
    "to",
    "be",
    "a",
    "an",
    "required",
    "must",
    "currently",
];
