use rstest::rstest;

use super::item::*;
use super::*;
use crate::eligibility::{AgeRange, HouseholdLimit, HouseholdLimits, IncomeLimit};
use crate::situation::Gender;

/// The gender and the groups read from `text` (none: an empty list).
fn assert_gender_and_populations(text: &str, gender: Option<Gender>, populations: &[Situation]) {
    let e = eligibility_from_text(text);
    assert_eq!(e.gender.value().copied(), gender, "{text}");
    assert_eq!(
        e.populations.value().map_or(&[][..], Vec::as_slice),
        populations,
        "{text}"
    );
}

fn age(min: Option<f64>, max: Option<f64>) -> Option<AgeRange> {
    Some(AgeRange::client(min, max))
}

#[rstest]
#[case("Age 18 or over", age(Some(18.0), None))]
#[case("ages 5 - 14", age(Some(5.0), Some(14.0)))]
#[case("60 and older", age(Some(60.0), None))]
#[case("Seniors 55+", age(Some(55.0), None))]
// A bare range after "must be" is an age.
#[case("Must be 18-27", age(Some(18.0), Some(27.0)))]
#[case("18 & under", age(None, Some(18.0)))]
#[case("You must be 18 or younger.", age(None, Some(18.0)))]
#[case(
    "Children ages 6-16 with consent of a parent",
    age(Some(6.0), Some(16.0))
)]
#[case("This program serves seniors age 60 and older.", age(Some(60.0), None))]
#[case("Membership: min. age 13", age(Some(13.0), None))]
#[case("Ages 2 mos.-6 yrs", age(Some(0.0), Some(6.0)))]
#[case("Adult shelter", age(Some(18.0), None))]
#[case("a youth (17 years or younger)", age(None, Some(17.0)))]
#[case("Birth to age 20", age(Some(0.0), Some(20.0)))]
#[case("Adults only", age(Some(18.0), None))]
#[case("Age 2 months-6 years", age(Some(0.0), Some(6.0)))]
#[case("Age 18 months to 5 years", age(Some(1.0), Some(5.0)))]
#[case("Must be at least 18 years old", age(Some(18.0), None))]
#[case("Ages 60 and up", age(Some(60.0), None))]
#[case("Minimum age for membership 13 years", age(Some(13.0), None))]
#[case("Children 6 weeks to 5 years", age(Some(0.0), Some(5.0)))]
#[case("Youth up to age 24", age(None, Some(24.0)))]
#[case("Up to 21 nights per year", None)]
// Who needs a companion is not who may come.
#[case("Kids under 12 must be accompanied by an adult", None)]
// A share is no age.
#[case("Household income under 80% AMI", None)]
#[case("Age 4 through high school", age(Some(4.0), None))]
#[case("Seniors (individuals over the age of 60)", age(Some(60.0), None))]
#[case(
    "Child age 6-16, with parent/guardian consent",
    age(Some(6.0), Some(16.0))
)]
#[case("Age 130 or over", None)]
#[case("Age 18-5", None)]
#[case("Youth between 14 and 21", age(Some(14.0), Some(21.0)))]
#[case("Ages 16 thru 24", age(Some(16.0), Some(24.0)))]
#[case("Teens between 9 and 11 am", None)]
#[case("18 yrs and older", age(Some(18.0), None))]
#[case("Youth 12-18 yrs", age(Some(12.0), Some(18.0)))]
#[case("3-5 year olds", age(Some(3.0), Some(5.0)))]
#[case("From birth to age 3", age(Some(0.0), Some(3.0)))]
#[case("Age: 18+", age(Some(18.0), None))]
#[case("Age requirement: 21 or older", age(Some(21.0), None))]
#[case("Maximum age 24", age(None, Some(24.0)))]
#[case("Youth aged 16 to 24", age(Some(16.0), Some(24.0)))]
#[case("Children under the age of 5", age(None, Some(4.0)))]
#[case("Younger than 21", age(None, Some(20.0)))]
#[case("Older than 60", age(Some(60.0), None))]
#[case("60 years old or older", age(Some(60.0), None))]
#[case("5 to 18 years of age", age(Some(5.0), Some(18.0)))]
#[case("Between 18 and 24 years old", age(Some(18.0), Some(24.0)))]
// "Must be 18 or younger" keeps its bound (a row for a bare "must be 18"
// would take the words first).
#[case("Must be 18 or younger", age(None, Some(18.0)))]
fn reads_ages(#[case] text: &str, #[case] expected: Option<AgeRange>) {
    assert_eq!(
        eligibility_from_text(text).age.value().copied(),
        expected,
        "{text}"
    );
}

#[rstest]
#[case("women only", Some(Gender::Female), vec![])]
#[case("Homeless men", Some(Gender::Male), vec![Situation::Homeless])]
#[case("veterans and their families", None, vec![Situation::Veteran])]
#[case("Veteran or family member", None, vec![Situation::Veteran])]
#[case("Low income, disabled, or senior", None, vec![Situation::LowIncome, Situation::Disability, Situation::Senior])]
#[case("Pregnant women", None, vec![Situation::Pregnant])]
// A people's women: the community and the gender.
#[case("Filipino women", Some(Gender::Female), vec![Situation::CulturalCommunity])]
// Mothers are parents and women; fathers parents and men.
#[case("Single mothers", Some(Gender::Female), vec![Situation::Parenting])]
#[case("Fathers", Some(Gender::Male), vec![Situation::Parenting])]
// Both genders restrict no gender; the rest of the sentence still counts.
#[case("Homeless men and women", None, vec![Situation::Homeless])]
#[case("Adult males and females in recovery", None, vec![Situation::InRecovery])]
#[case("Honorably discharged veteran", None, vec![Situation::Veteran])]
// A senior's age offered as one choice stands for seniors; a younger
// one is no group.
#[case("Age 62 or over or disabled", None, vec![Situation::Senior, Situation::Disability])]
#[case("Low income, age 62 or over, or disabled", None, vec![Situation::LowIncome, Situation::Senior, Situation::Disability])]
#[case("Female-identified clients only", Some(Gender::Female), vec![])]
#[case("Single men experiencing homelessness", Some(Gender::Male), vec![Situation::Homeless])]
#[case("Single women", Some(Gender::Female), vec![])]
fn reads_gender_and_populations(
    #[case] text: &str,
    #[case] gender: Option<Gender>,
    #[case] populations: Vec<Situation>,
) {
    assert_gender_and_populations(text, gender, &populations);
    assert!(eligibility_from_text(text).to_verify.is_empty(), "{text}");
}

#[rstest]
// In a sentence read in part, a senior's age beside a group with "or" is
// one choice of two: seniors or the group, neither required alone.
#[case(
    "Age 62 or over or handicapped, meet federal low-income guidelines",
    Some(vec![Situation::Senior, Situation::Disability])
)]
#[case(
    "Age 62 or over or disabled adult, must be able to live independently",
    Some(vec![Situation::Senior, Situation::Disability])
)]
#[case(
    "Age 62 or over, or blind or disabled, homeowner with an income of $39,000 or less",
    Some(vec![Situation::Senior, Situation::BlindLowVision, Situation::Disability])
)]
// The age before the other group is that group's: "adults", or the ages
// below the senior's.
#[case(
    "Age 60 or over or adults with disabilities",
    Some(vec![Situation::Senior, Situation::Disability])
)]
#[case(
    "Age 62 or over, or age 61 or under with a long-term verifiable disability",
    Some(vec![Situation::Senior, Situation::Disability])
)]
// A union of groups too: the senior's age stands for seniors, and the noun
// "adults" beside a group is that group's.
#[case(
    "Seniors 60+ and adults with disabilities",
    Some(vec![Situation::Senior, Situation::Disability])
)]
#[case(
    "Seniors and disabled adults",
    Some(vec![Situation::Senior, Situation::Disability])
)]
#[case(
    "Seniors 60+ or persons w/ disabilities of any age",
    Some(vec![Situation::Senior, Situation::Disability])
)]
// The other group's own age is that group's.
#[case(
    "Seniors 60+ and disabled adults 18-59",
    Some(vec![Situation::Senior, Situation::Disability])
)]
// Below the senior age an age is no group, and the choice is not read.
#[case("Age 50 or over or disabled, must be able to live independently", None)]
fn reads_a_seniors_age_as_a_choice(#[case] text: &str, #[case] want: Option<Vec<Situation>>) {
    let e = eligibility_from_text(text);
    if let Some(want) = want {
        assert_eq!(e.populations.value(), Some(&want), "{text}: {e:?}");
        assert!(e.age.is_open(), "{text}: {e:?}");
    } else {
        assert!(
            e.populations
                .value()
                .is_none_or(|p| !p.contains(&Situation::Senior)),
            "{text}: {e:?}"
        );
    }
}

/// Without a senior's age beside them, "youth or adults with disabilities"
/// may both be disabled: youth alone is no choice offered.
#[test]
fn youth_or_adults_with_a_group_offers_no_youth_alone() {
    let e = eligibility_from_text("Youth or adults with disabilities");
    assert!(
        e.populations
            .value()
            .is_none_or(|p| !p.contains(&Situation::Youth)),
        "{e:?}"
    );
}

/// One group named twice ("active-duty service members") is no stack of
/// two groups: read as surely as either.
#[test]
fn one_group_named_twice_is_not_a_hint() {
    let e = eligibility_from_text("Veterans and active-duty service members");
    assert_eq!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
}

#[test]
fn allies_make_a_population_a_hint() {
    let e = eligibility_from_text("LGBTQ youth and allies ages 13-18");
    assert_eq!(confidence(&e.populations), Some(Confidence::Low), "{e:?}");
}

#[test]
fn families_make_a_population_a_hint() {
    let e = eligibility_from_text("veterans and their families");
    let Constraint::Restricted { evidence, .. } = e.populations else {
        panic!("not read");
    };
    assert_eq!(evidence.confidence, Confidence::Low);
    assert_eq!(evidence.text.as_deref(), Some("veterans"));
}

#[rstest]
#[case(
    "income below 200% of poverty",
    Some(IncomeLimit::PercentOfPoverty(200.0))
)]
#[case(
    "Household income at or below 125% of the federal poverty guidelines",
    Some(IncomeLimit::PercentOfPoverty(125.0))
)]
#[case("Low income", Some(IncomeLimit::LowIncome))]
// A share of median income is a low-income program, not a poverty line.
#[case("income below 80% of area median income", Some(IncomeLimit::LowIncome))]
#[case(
    "Maximum income $32,000 ($34,000/2 people) per year",
    Some(IncomeLimit::AnnualDollars(32000.0))
)]
#[case(
    "Must have a individual monthly income of less than $2000",
    Some(IncomeLimit::MonthlyDollars(2000.0))
)]
// A figure with no period, too small to be a year's: not read.
#[case("Income cannot exceed $1,500", None)]
#[case(
    "Income must not exceed $2,000 per month",
    Some(IncomeLimit::MonthlyDollars(2000.0))
)]
#[case("Must meet income guidelines", Some(IncomeLimit::LowIncome))]
#[case("Income must fall within HUD guidelines", Some(IncomeLimit::LowIncome))]
#[case("Economically disadvantaged youth", Some(IncomeLimit::LowIncome))]
#[case("Services only available to indigents", Some(IncomeLimit::LowIncome))]
#[case("Must meet HUD income requirements", Some(IncomeLimit::LowIncome))]
#[case(
    "Income at or below 200% FPL",
    Some(IncomeLimit::PercentOfPoverty(200.0))
)]
#[case("Household income under 80% AMI", Some(IncomeLimit::LowIncome))]
#[case(
    "Income must not exceed 60% of area median income",
    Some(IncomeLimit::LowIncome)
)]
#[case(
    "Annual household income below $50,000",
    Some(IncomeLimit::AnnualDollars(50000.0))
)]
#[case(
    "Gross monthly income less than $2,500",
    Some(IncomeLimit::MonthlyDollars(2500.0))
)]
#[case(
    "Monthly income below $2,000",
    Some(IncomeLimit::MonthlyDollars(2000.0))
)]
#[case(
    "Households with income at or below 150% of the federal poverty guidelines",
    Some(IncomeLimit::PercentOfPoverty(150.0))
)]
#[case(
    "Sign form to self-report income qualifications",
    Some(IncomeLimit::LowIncome)
)]
// A range's ceiling.
#[case(
    "Financially eligible clients (between 125% and 150% of federal poverty guidelines)",
    Some(IncomeLimit::PercentOfPoverty(150.0))
)]
#[case(
    "Income level must be below federally established limits",
    Some(IncomeLimit::LowIncome)
)]
#[case("Applicants need to be income qualified", Some(IncomeLimit::LowIncome))]
#[case(
    "Must demonstrate need for financial assistance",
    Some(IncomeLimit::LowIncome)
)]
// A limit stated for one household size is that size's only.
#[case(
    "Maximum income: $63,350 per year for a single",
    Some(household_table(&[(1, 63350.0)], None))
)]
#[case(
    "Age 62 or over, income limit of $47,520 for 1 person",
    Some(household_table(&[(1, 47520.0)], None))
)]
// The figures say what "low income" means here, size first, in a table
// that a `;` does not cut.
#[case(
    "Age 62 or over and low income: 1 person household max income, $37,400",
    Some(household_table(&[(1, 37400.0)], None))
)]
#[case(
    "Age 62 or over and low income: 1 person household max income, $37,400; 2 person household max income, $43,000.",
    Some(household_table(&[(1, 37400.0), (2, 43000.0)], None))
)]
#[case(
    "Educationally disadvantaged with income of $33,075 for a family of 4",
    Some(household_table(&[(4, 33075.0)], None))
)]
#[case(
    "Homeowner with a total household income for the prior calendar year of $39,000 or less",
    Some(IncomeLimit::AnnualDollars(39000.0))
)]
#[case(
    "Families earning less than $50,000 per year",
    Some(IncomeLimit::AnnualDollars(50000.0))
)]
#[case(
    "Households earning $67,000 or less per year",
    Some(IncomeLimit::AnnualDollars(67000.0))
)]
#[case(
    "Households earning no more than $52,000 annually",
    Some(IncomeLimit::AnnualDollars(52000.0))
)]
#[case(
    "Households earning up to $60,000 a year",
    Some(IncomeLimit::AnnualDollars(60000.0))
)]
#[case(
    "Annual household income must be under $45,000",
    Some(IncomeLimit::AnnualDollars(45000.0))
)]
#[case(
    "Income at or below 200 percent of the federal poverty level",
    Some(IncomeLimit::PercentOfPoverty(200.0))
)]
// A month's limit for one household size is that size's.
#[case(
    "Household income must be no more than 200% of the federal poverty level",
    Some(IncomeLimit::PercentOfPoverty(200.0))
)]
#[case(
    "Household income must be below $2,000 a month for a family of two",
    Some(household_table(&[(2, 24_000.0)], None))
)]
#[case(
    "Income must not exceed $2,500 per month for a family of three",
    Some(household_table(&[(3, 30_000.0)], None))
)]
#[case(
    "Families at or below the federal poverty level",
    Some(IncomeLimit::PercentOfPoverty(100.0))
)]
#[case(
    "Families whose income is below the poverty line",
    Some(IncomeLimit::PercentOfPoverty(100.0))
)]
#[case(
    "Household income must not exceed 200% of FPL",
    Some(IncomeLimit::PercentOfPoverty(200.0))
)]
// A table said to be monthly, or no year could be, is a month's.
#[case(
    "Gross monthly household income does not exceed: 1 person $3,035; 2 people $3,969",
    Some(household_table(&[(1, 36420.0), (2, 47628.0)], None))
)]
// A month's limits per household, a year's twelve times, across `;`.
#[case(
    "Household income must not exceed: 1 person $1,956/month; 2 people $2,644/month",
    Some(household_table(&[(1, 23472.0), (2, 31728.0)], None))
)]
// A share of an area's median income: low income; the area restricts no
// one by itself.
#[case(
    "Below 50% of the median income level for San Mateo County",
    Some(IncomeLimit::LowIncome)
)]
// A limit however compared or headed (`SAME_AS`).
#[case(
    "Income limit: 125% of the federal poverty level",
    Some(IncomeLimit::PercentOfPoverty(125.0))
)]
#[case(
    "Maximum income: $30,000 a year",
    Some(IncomeLimit::AnnualDollars(30000.0))
)]
#[case(
    "Income at or below $30,000 per year",
    Some(IncomeLimit::AnnualDollars(30000.0))
)]
#[case(
    "Income not to exceed $2,000 a month",
    Some(IncomeLimit::MonthlyDollars(2000.0))
)]
#[case(
    "Income must be under federally set limits",
    Some(IncomeLimit::LowIncome)
)]
#[case("Income w/in federal poverty guidelines", Some(IncomeLimit::LowIncome))]
// A limit per household size keeps its table, however headed.
#[case(
    "Income limit of $47,520 for 1 person, $54,300 for a couple",
    Some(IncomeLimit::AnnualByHouseholdSize(HouseholdLimits {
        limits: vec![
            HouseholdLimit { size: 1, annual_dollars: 47520.0 },
            HouseholdLimit { size: 2, annual_dollars: 54300.0 },
        ],
        each_additional: None,
    }))
)]
// A floor is no limit.
#[case("Income must be more than $1,000 a month", None)]
fn reads_income(#[case] text: &str, #[case] expected: Option<IncomeLimit>) {
    assert_eq!(
        eligibility_from_text(text).income.value().cloned(),
        expected,
        "{text}"
    );
}

#[rstest]
#[case("San Mateo County residents", &["San Mateo County"])]
#[case("Resident of San Carlos, Belmont, Redwood City or San Mateo", &["San Carlos", "Belmont", "Redwood City", "San Mateo"])]
#[case("Daly City or Colma resident", &["Daly City", "Colma"])]
// A state after a comma qualifies the towns; a comma list whose names
// each end a clause is a list.
#[case("Must reside in Burlingame or Hillsborough, California", &["Burlingame", "Hillsborough"])]
#[case("Residents of Atherton, Menlo Park, Portola Valley", &["Atherton", "Menlo Park", "Portola Valley"])]
#[case("Resident of San Mateo County, age 18 or over", &["San Mateo County"])]
#[case("Residents of unincorporated San Mateo County", &["unincorporated San Mateo County"])]
// "counties" after a list names each a county.
#[case("For residents of Hillsborough and Pasco counties", &["Hillsborough County", "Pasco County"])]
#[case("Clients must reside within Pinellas County", &["Pinellas County"])]
#[case("Residents in Broward County", &["Broward County"])]
#[case("People who live in Redwood City", &["Redwood City"])]
#[case("Open to residents of Miami-Dade County", &["Miami-Dade County"])]
#[case("San Mateo County residency required", &["San Mateo County"])]
#[case("San Mateo County", &["San Mateo County"])]
#[case("Serves Pasco County", &["Pasco County"])]
#[case("Legal help for Hillsborough County.", &["Hillsborough County"])]
#[case("Advice to tenants in Orange County facing eviction", &["Orange County"])]
#[case("Special project in Duval County", &["Duval County"])]
// A town after the people who live there (counties: `IN_COUNTY_AFTER`).
#[case("Low-income homeowners in Redwood City", &["Redwood City"])]
#[case("Low-income South San Francisco homeowner", &["South San Francisco"])]
#[case("For services, must have an address in California", &["California"])]
#[case("Currently living or working in Santa Clara County", &["Santa Clara County"])]
#[case("Filipino resident of Foster City or San Mateo County", &["Foster City", "San Mateo County"])]
// A town named after a word of another table.
#[case("Foster City resident", &["Foster City"])]
#[case("Resident of the State of California", &["California"])]
// A plural "Counties" after a list names each county.
#[case("Serving Orange, Seminole and Osceola Counties", &["Orange County", "Seminole County", "Osceola County"])]
// One "County" closing a list names its counties; the names stay as
// written (the boundary data resolves "Orange" in a Florida directory).
#[case("Assistance with sealing of records in Orange, Seminole and Osceola County.", &["Orange", "Seminole", "Osceola County"])]
// The trouble a case is about happens where the client lives.
#[case("Representation for victims of dating violence and stalking in Palm Beach County", &["Palm Beach County"])]
#[case("Assistance with evictions in Pasco County.", &["Pasco County"])]
#[case("Any business servicing the city of San Bruno", &["San Bruno"])]
#[case(
    "Residents of the cities of Burlingame, Hillsborough and San Mateo",
    &["Burlingame", "Hillsborough", "San Mateo"]
)]
#[case("Must live within the city limits of Redwood City", &["Redwood City"])]
#[case("Must live in zip codes 94014, 94015 or 94080", &["94014", "94015", "94080"])]
#[case("Must live in the Bayshore area", &["Bayshore"])]
#[case("Residency in California required", &["California"])]
#[case("Must be located in Santa Clara County", &["Santa Clara County"])]
// Directory wordings probed beyond the shared data.
#[case("Home-delivered meals for seniors 60 and older in Bexar County.", &["Bexar County"])]
#[case("Services for deaf-blind individuals and their families in Kansas.", &["Kansas"])]
#[case("Pro bono help for survivors seeking protective orders in Cook County", &["Cook County"])]
#[case("Residents of the City and County of San Francisco", &["San Francisco"])]
#[case("Residents of New York City", &["New York City"])]
#[case("Mental health services for Spanish-speaking residents of East Boston.", &["East Boston"])]
#[case("Free mammograms for uninsured women ages 40-64 in Oklahoma.", &["Oklahoma"])]
#[case("Families at risk of losing their housing in Pierce County", &["Pierce County"])]
#[case("Residents of zip codes 94601, 94603 and 94605", &["94601", "94603", "94605"])]
#[case("Service area: San Mateo County", &["San Mateo County"])]
#[case("Serves all of San Mateo County", &["San Mateo County"])]
#[case("Serving ZIP codes 60612 and 60624 only", &["60612", "60624"])]
// Abbreviations in place names; a group word in a town's name.
#[case("Douglas Co. residents", &["Douglas Co."])]
#[case("Residents of Lee, Collier and St. Lucie Counties", &["Lee County", "Collier County", "St. Lucie County"])]
#[case("Boys Town residents", &["Boys Town"])]
// A place after a choice of groups is a condition of its own.
#[case("Seniors or disabled adults, Lake County", &["Lake County"])]
#[case("Crime victims in Nevada", &["Nevada"])]
#[case("Heating grants for Summit County households", &["Summit County"])]
#[case("Our attorneys serve clients anywhere in Montana", &["Montana"])]
#[case("Firewood for households living on the Navajo Nation", &["Navajo Nation"])]
#[case("Lunch for seniors in the city of Lakewood", &["Lakewood"])]
#[case("Serves the state of Oregon.", &["Oregon"])]
#[case("Job training for adults who are unemployed and live in Lane County.", &["Lane County"])]
#[case("Rent help for households earning under $40,000 annually in Dane County.", &["Dane County"])]
#[case("Housing for adults with a serious mental illness in Fresno County.", &["Fresno County"])]
#[case("Tax help for workers, including seasonal workers, in Yolo County.", &["Yolo County"])]
// A school district is an area (kept whole, to verify): after people,
// after "serves", or where people live.
#[case("Tutoring for students in grades 3-5 in the Oakland Unified School District.", &["Oakland Unified School District"])]
#[case("Serves Boston Public Schools families.", &["Boston Public Schools"])]
#[case("Families living within Elk Grove Unified School District boundaries", &["Elk Grove Unified School District"])]
// A short name is read as the full one the boundary data knows.
#[case("SF residents only", &["San Francisco"])]
#[case("Must have lived in California for the past year", &["California"])]
#[case("A California address is required for services", &["California"])]
#[case("Must live in the state of Illinois", &["Illinois"])]
fn reads_residency(#[case] text: &str, #[case] expected: &[&str]) {
    let names: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        eligibility_from_text(text).residency.value(),
        Some(&names),
        "{text}"
    );
}

#[rstest]
#[case("None")]
#[case("No restrictions")]
#[case("Anyone")]
#[case("Open to all")]
#[case("All ages")]
#[case("No requirements")]
#[case("Anyone in need")]
#[case("Anyone who is hungry")]
fn reads_open(#[case] text: &str) {
    let reading = read_eligibility(text);
    assert!(reading.eligibility.is_open(), "{text}");
    assert_eq!(reading.coverage, Coverage::Full);
}

#[rstest]
// Unknown words change the meaning: the whole text is left to verify, and
// whatever phrase is read on its own is only a hint (never excludes).
#[case("Age 18 or over to become a member")]
#[case("women and children")]
#[case("Adult 50 or older, adult with disability")]
#[case("Youth age 8-17, adults age 18 or over")]
#[case("County resident in appropriate district")]
#[case("Eligibility")]
#[case("Vary according to program")]
fn leaves_unreadable_text_to_verify(#[case] text: &str) {
    let reading = read_eligibility(text);
    assert_ne!(reading.coverage, Coverage::Full, "{text}: {reading:?}");
    assert_eq!(reading.eligibility.to_verify, vec![text.to_owned()]);
    let e = &reading.eligibility;
    let confidences = [
        confidence(&e.age),
        confidence(&e.gender),
        confidence(&e.income),
        confidence(&e.populations),
        confidence(&e.residency),
    ];
    assert!(
        confidences.iter().flatten().all(|c| *c == Confidence::Low),
        "{text}: {reading:?}"
    );
    assert!(e.gender.is_open(), "{text}: a paired gender is no hint");
}

fn confidence<T>(c: &Constraint<T>) -> Option<Confidence> {
    match c {
        Constraint::Restricted { evidence, .. } => Some(evidence.confidence),
        _ => None,
    }
}

#[rstest]
#[case("Must have ID", RequirementKind::Id)]
#[case("Must have an eviction notice", RequirementKind::EvictionNotice)]
#[case("Must be referred by a social worker", RequirementKind::Referral)]
#[case("Must have a referral from a case manager", RequirementKind::Referral)]
#[case("Referred through local school district", RequirementKind::Referral)]
#[case("Referral from M.D.", RequirementKind::Referral)]
#[case("Picture ID required", RequirementKind::Id)]
#[case("Appointment necessary", RequirementKind::Appointment)]
#[case(
    "Must have a 3-day notice to pay rent or quit",
    RequirementKind::EvictionNotice
)]
#[case("Must have a disconnection notice", RequirementKind::ShutOffNotice)]
#[case("Must have a shutoff notice", RequirementKind::ShutOffNotice)]
#[case(
    "Must have been served with an unlawful detainer",
    RequirementKind::CourtPapers
)]
#[case("Court referral", RequirementKind::Referral)]
#[case(
    "Call MWF 9am-5pm, TuTh 10am-6pm for an appt",
    RequirementKind::Appointment
)]
// Calling or signing up may open a clause inside the sentence.
#[case(
    "Weekly food pantry (Friday) Sign up 9am Friday for appointment to pick up food",
    RequirementKind::Appointment
)]
#[case(
    "People with symptomatic HIV: call M-Sa 9am-4pm for interview appt",
    RequirementKind::Appointment
)]
#[case(
    "ID verifying residency in service area",
    RequirementKind::ResidencyProof
)]
#[case("Must be recommended by classroom teacher", RequirementKind::Referral)]
#[case("Call to schedule an appointment", RequirementKind::Appointment)]
#[case("Social security card required", RequirementKind::Id)]
#[case("Call for an intake appointment", RequirementKind::Appointment)]
#[case("Must meet income guidelines and have ID", RequirementKind::Id)]
#[case("Must undergo a screening interview", RequirementKind::Appointment)]
// Directory wordings probed beyond the shared data.
#[case("Bring your most recent pay stubs", RequirementKind::IncomeProof)]
#[case("Must bring your summons and complaint", RequirementKind::CourtPapers)]
#[case(
    "Social Security card and birth certificate required",
    RequirementKind::Id
)]
#[case(
    "Appointments are required; call 211 to schedule.",
    RequirementKind::Appointment
)]
#[case(
    "New patients must attend an eligibility appointment",
    RequirementKind::Appointment
)]
#[case(
    "Bring a piece of mail showing your current address",
    RequirementKind::ResidencyProof
)]
#[case(
    "Bring all income statements (W-2s and 1099s)",
    RequirementKind::IncomeProof
)]
#[case(
    "Bring a referral letter from your probation officer",
    RequirementKind::Referral
)]
#[case("Referrals accepted from agencies only", RequirementKind::Referral)]
#[case("Call MWF 9am-5pm for an appt.", RequirementKind::Appointment)]
#[case("Advance registration required", RequirementKind::Appointment)]
#[case(
    "Proof of residence in state of California",
    RequirementKind::ResidencyProof
)]
// "Proof of" asks for each item of its list.
#[case("Proof of income and address", RequirementKind::ResidencyProof)]
#[case(
    "Proof of child's birth (age 18 or under), San Mateo County residency, income of parents",
    RequirementKind::ResidencyProof
)]
#[case(
    "Proof of child's birth (age 18 or under), San Mateo County residency, income of parents",
    RequirementKind::IncomeProof
)]
#[case(
    "Households who have received a written notice to pay rent or vacate",
    RequirementKind::EvictionNotice
)]
#[case(
    "Bring all of the papers you were served.",
    RequirementKind::CourtPapers
)]
#[case(
    "New patients must call to schedule a first visit",
    RequirementKind::Appointment
)]
#[case("Income verification required", RequirementKind::IncomeProof)]
#[case("Referrals from agencies only", RequirementKind::Referral)]
#[case("Must bring a birth certificate for each child", RequirementKind::Id)]
#[case("Must provide most recent tax return", RequirementKind::IncomeProof)]
#[case("Must have a restraining order", RequirementKind::CourtPapers)]
#[case("Bring a copy of the protective order", RequirementKind::CourtPapers)]
#[case("Referral by a case manager", RequirementKind::Referral)]
#[case("Agency referrals only; no walk-ins", RequirementKind::Referral)]
#[case("Must bring court paperwork", RequirementKind::CourtPapers)]
#[case(
    "Hospital social worker must send referral - no self-referrals.",
    RequirementKind::Referral
)]
#[case("Reserve a day ahead.", RequirementKind::Appointment)]
#[case(
    "Must schedule appointment with case manager first",
    RequirementKind::Appointment
)]
#[case(
    "Must have rec'd 14-day pay or vacate notice",
    RequirementKind::EvictionNotice
)]
#[case("Call for your first appointment.", RequirementKind::Appointment)]
#[case(
    "Call the intake line to schedule a screening",
    RequirementKind::Appointment
)]
#[case("Appointments only, call M-F 8-5", RequirementKind::Appointment)]
#[case(
    "Bring proof of income and a photo ID to your appointment.",
    RequirementKind::Appointment
)]
#[case(
    "Shelter beds by 311 referral only, no walk-ins.",
    RequirementKind::Referral
)]
#[case("Referral required, ID not required", RequirementKind::Referral)]
#[case("Referrals accepted only from agencies", RequirementKind::Referral)]
#[case("Must call ahead to schedule an intake", RequirementKind::Appointment)]
#[case("Intake interview required", RequirementKind::Appointment)]
#[case("Requires a recommendation from a teacher", RequirementKind::Referral)]
#[case("ID req'd", RequirementKind::Id)]
#[case("Referral via local school district", RequirementKind::Referral)]
#[case(
    "You must bring proof of where you live",
    RequirementKind::ResidencyProof
)]
#[case("Papers that prove where you live", RequirementKind::ResidencyProof)]
#[case("Call for appt.", RequirementKind::Appointment)]
#[case("Referred to the program by the court", RequirementKind::Referral)]
// Documents however named.
#[case("Bring all W-2 and 1099 forms", RequirementKind::IncomeProof)]
#[case("Bring last year's tax return", RequirementKind::IncomeProof)]
#[case(
    "A copy of your federal tax return is required",
    RequirementKind::IncomeProof
)]
#[case("Bring Social Security cards for everyone", RequirementKind::Id)]
#[case("Bring your green card", RequirementKind::Id)]
#[case("Bring your file-stamped petition", RequirementKind::CourtPapers)]
fn reads_requirements(#[case] text: &str, #[case] kind: RequirementKind) {
    let e = eligibility_from_text(text);
    assert!(
        e.requirements.iter().any(|r| r.kind == kind),
        "{text}: {e:?}"
    );
}

/// A thing asked for and "required" after it is read whole: nothing is
/// left to verify.
#[rstest]
#[case("Court order required", RequirementKind::CourtPapers)]
#[case("Shut-off notice required", RequirementKind::ShutOffNotice)]
#[case("ID and proof of income required", RequirementKind::IncomeProof)]
fn a_requirement_named_required_reads_whole(#[case] text: &str, #[case] kind: RequirementKind) {
    let e = eligibility_from_text(text);
    assert!(e.to_verify.is_empty(), "{text}: {e:?}");
    assert!(
        e.requirements.iter().any(|r| r.kind == kind),
        "{text}: {e:?}"
    );
}

/// Days and forms that only look like documents ask for nothing.
#[rstest]
#[case("Walk-in M/W 1-4")]
#[case("Help filing a petition for custody")]
fn no_document_asked(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.requirements.is_empty(), "{text}: {e:?}");
}

/// Walking in is a way to come: no appointment is required.
#[rstest]
#[case("Drop-in or call for appointment. English, Spanish.")]
#[case("Come in or call for appt.")]
#[case("Call for appointment. Walk-ins welcome.")]
fn walking_in_needs_no_appointment(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        !e.requirements
            .iter()
            .any(|r| r.kind == RequirementKind::Appointment),
        "{text}: {e:?}"
    );
}

#[test]
fn the_area_of_a_median_income_is_no_residency() {
    let e = eligibility_from_text("Below 50% of the median income level for San Mateo County");
    assert!(e.residency.is_open(), "{e:?}");
}

/// What is needed only "for some services" or for a discount, or what a
/// client has "no need" to do (or is "not limited to"), is no requirement
/// of coming.
#[rstest]
#[case("Referral from Family Court for some services")]
#[case("Proof of income and address for discounted fee eligibility")]
#[case("No need to call for an appointment")]
#[case("Open to anyone who needs food. No ID, no proof of income, and no residency requirements.")]
#[case("One-stop services including medical care, ID replacement, and benefits enrollment")]
#[case("Services are not limited to low-income clients.")]
#[case("No health insurance required")]
#[case("Everything is anonymous: no name, ID or proof of address is needed.")]
#[case("We help clients update their ID documents and birth certificates.")]
#[case(
    "Anyone who is hungry is welcome. We do not ask for ID, proof of address or proof of income."
)]
// Documents as the service's topic, and referrals that are one way in.
#[case("Free tax return preparation")]
#[case("Help with court documents")]
#[case("Help filling out court papers.")]
#[case("Help responding to a summons")]
// Said not to be needed, or only wished for, after the document or step.
#[case("Photo ID is not required")]
#[case("ID helpful but not required.")]
#[case("A referral from the person's service coordinator is preferred.")]
#[case("Referrals accepted from anyone.")]
#[case("Help obtaining a restraining order")]
#[case("Court referrals are accepted, but no referral is needed to join")]
fn requirements_of_a_part_or_negated_are_none(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.requirements.is_empty(), "{text}: {e:?}");
    assert!(e.income.value().is_none(), "{text}: {e:?}");
    assert!(e.populations.value().is_none(), "{text}: {e:?}");
    assert!(!e.to_verify.is_empty(), "{text}: {e:?}");
}

/// "Must have an eviction notice" is read whole (nothing left to verify).
#[test]
fn what_to_have_is_read_whole() {
    let e = eligibility_from_text("Must have an eviction notice");
    assert!(e.to_verify.is_empty(), "{e:?}");
    assert_eq!(
        e.requirements.first().map(|r| r.kind),
        Some(RequirementKind::EvictionNotice)
    );
}

#[test]
fn no_walk_ins_keeps_the_appointment() {
    let e = eligibility_from_text("By appointment only. No walk-ins.");
    assert!(
        e.requirements
            .iter()
            .any(|r| r.kind == RequirementKind::Appointment)
    );
}

#[test]
fn a_proof_list_stops_where_conditions_start() {
    let e = eligibility_from_text(
        "Proof of income required, age 18 or over, resident of San Mateo County",
    );
    let kinds: Vec<RequirementKind> = e.requirements.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![RequirementKind::IncomeProof], "{e:?}");
    let e = eligibility_from_text(
        "If you have them, bring ID, letter of diagnosis and proof of income",
    );
    assert!(e.requirements.is_empty(), "optional documents: {e:?}");
}

#[rstest]
// An organization's number, or a topic, is no ID to bring.
#[case("Nonprofit agency with 501(c)(3) employer identification number from IRS")]
#[case("Assistance with identification theft and credit reporting")]
#[case("Birth Certificate and Identification Matters")]
#[case("Help with job searching and driver's license preparation")]
#[case("Help getting a birth certificate")]
#[case("Help getting a state ID card")]
#[case("Help renewing your ID")]
// Documents that may serve as a proof are examples of it.
#[case("Must have proof of residence (PG&E bill, rental agreement, driver's license or ID)")]
fn reads_no_id_requirement(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        e.requirements.iter().all(|r| r.kind != RequirementKind::Id),
        "{text}: {e:?}"
    );
}

#[rstest]
#[case("Nonprofit agency or school", true)]
#[case("a non-profit organization or small business", true)]
#[case("Low-income individual or nonprofit group", false)]
#[case(
    "Must have 501(c)(3) status and be located in Santa Clara County",
    true
)]
#[case("School or agency serving students with disabilities", true)]
#[case("Any business servicing the city of San Bruno", true)]
#[case("Services for agencies only, not for individuals", true)]
// The issue's own wording; the words of the phrase are not individuals
// served.
#[case("Not for individual clients", true)]
#[case("Services are provided to organizations, not individuals", true)]
#[case("Businesses only", true)]
#[case("Open to individuals and families, not organizations", false)]
#[case("No individual clients", true)]
// Walk-ins are a way to come, not who may.
#[case("No walk-in clients", false)]
// A food bank's or a funder's clients.
#[case("Serves partner agencies only", true)]
#[case("Grants to community-based organizations", true)]
#[case("Service is for schools and community groups", true)]
#[case("Serves businesses and employers", true)]
#[case("Referral from social service providers", false)]
// Individuals sent elsewhere are not served here; served beside agencies,
// they are.
#[case(
    "Bulk food for partner agencies. Individuals should call 211 for help.",
    true
)]
#[case(
    "Bulk food for partner agencies. Individuals may shop at our pantry.",
    false
)]
// The people an organization serves are its clients.
#[case("Nonprofits serving low-income individuals may apply", true)]
#[case("Churches and youth groups may book a workshop", true)]
#[case("Training for case managers who work with homeless clients", true)]
#[case(
    "Grants to 501(c)(3) nonprofits. Grants are not made to individuals.",
    true
)]
#[case("Schools and faith communities may request presentations", true)]
#[case("Fundraising workshops for small nonprofits in the metro area", true)]
#[case("Professional development for teachers and school counselors", true)]
#[case("Technical assistance to homeless service providers", true)]
#[case(
    "Hygiene supplies for shelters and soup kitchens. Individual requests are not accepted.",
    true
)]
#[case("Medical equipment on loan to home health agencies", true)]
#[case(
    "The partnership helps local businesses hire workers with disabilities",
    true
)]
#[case("Training for interpreters who work in hospitals", true)]
#[case("Workshops for clinicians. The fee is $150 per person.", true)]
// A teacher may be the client ("only to teachers by contract").
#[case("Available only to teachers by contract with the district", false)]
// The people an organization serves are its clients.
#[case(
    "501(c)(3) organization or an organization that provides substantial services to residents of the Peninsula",
    true
)]
// Who refers is no client.
#[case(
    "Youth age 8-17, referred by Probation Department, counselor, school or agency",
    false
)]
// Individuals turned away in so many words.
#[case(
    "We supply food to pantries and shelters. We do not distribute food directly to individuals or families.",
    true
)]
#[case(
    "Training for shelter staff who work with homeless youth. It does not provide direct services to young people.",
    true
)]
#[case(
    "Surplus equipment may be purchased by schools and nonprofits. Sales to individuals are not permitted.",
    true
)]
#[case(
    "Congregations, not individual families, apply to join the network.",
    true
)]
#[case("Open to licensed child care providers; CEUs available", true)]
#[case(
    "Supervision courses for licensed social workers and marriage and family therapists",
    true
)]
#[case(
    "Interpreters for hospitals, clinics and courts. Patients and families cannot request one directly.",
    true
)]
// Anyone is anyone.
#[case(
    "Membership open to licensed child care providers, information available to anyone",
    false
)]
#[case("This is not a direct service program.", true)]
#[case("We do not serve the public.", true)]
#[case("Only nonprofits may apply.", true)]
#[case(
    "Eligible applicants are nonprofit organizations and local governments.",
    true
)]
#[case("Training for health care providers", true)]
// People are served: a qualifier may follow, or a group served instead;
// places and providers one is sent or driven to.
#[case("We do not serve individuals under 18", false)]
#[case("Family shelter for families, not individuals.", false)]
#[case("Shelter for single adults; does not serve families", false)]
#[case("Free rides to hospitals and clinics for seniors", false)]
#[case("Referrals to licensed child care providers", false)]
#[case("Referrals must come from a provider", false)]
#[case("Open to licensed drivers", false)]
#[case("We provide referrals to health care providers", false)]
#[case(
    "This course was first developed for teachers and school staff; it is now open to any parent or guardian.",
    false
)]
#[case(
    "We distribute diapers in bulk to partner agencies, which pass them on to the families they serve. We cannot hand out diapers to individuals.",
    true
)]
#[case("Our clients are employers and human resources departments.", true)]
// A people word before a topic, the people an organization serves, and
// individuals turned away a few words on.
#[case(
    "The office coaches Head Start grantees on curriculum and family engagement.",
    true
)]
#[case(
    "Bulk food to churches, mosques and synagogues; participating congregations must serve anyone in need.",
    true
)]
#[case(
    "Membership is limited to organizations that deliver meals to older adults.",
    true
)]
#[case(
    "Requests are accepted only from organizations and public bodies.",
    true
)]
#[case(
    "Public agencies and nonprofits may acquire surplus furniture. Property may not be sold or transferred to private individuals.",
    true
)]
#[case(
    "Public agencies and 501(c)(3) nonprofits may acquire surplus furniture.",
    true
)]
#[case(
    "A 40-hour course for law enforcement officers and 911 dispatchers.",
    true
)]
#[case("Job placement: referrals to employers", false)]
// People listed beside the agencies, not turned away with them.
#[case("For healthcare providers and patients", false)]
// Where clients are sent.
#[case("Provides referrals to shelters and food banks.", false)]
#[case(
    "Food bank partner program: nonprofits apply to become a pantry site.",
    true
)]
#[case("Landlords and property managers renting to voucher holders", true)]
#[case("Employers and businesses", true)]
#[case("School districts and child care centers", true)]
#[case(
    "Small businesses w/ fewer than 50 employees located in Travis Co.",
    true
)]
#[case(
    "Grants to 501(c)(3) nonprofit organizations. Individuals and families are not eligible to apply.",
    true
)]
#[case("Government agencies and nonprofits", true)]
#[case("Tax-exempt organizations", true)]
#[case("Organizations must be 501(c)(3)", true)]
#[case("Applicant must be a registered nonprofit", true)]
#[case("Nonprofits or small businesses", true)]
fn reads_agency_only(#[case] text: &str, #[case] agency: bool) {
    assert_eq!(eligibility_from_text(text).agency_only, agency, "{text}");
}

#[rstest]
#[case("Homeless person", vec![Situation::Homeless])]
#[case("living with HIV/AIDS", vec![Situation::HivAids])]
#[case("in jail or prison", vec![Situation::InCustody])]
#[case("homeless or at risk of homelessness", vec![Situation::Homeless, Situation::AtRiskOfHomelessness])]
#[case("Must be a member", vec![Situation::Member])]
#[case("People with felony convictions", vec![Situation::JusticeInvolved])]
#[case("Native Hawaiians and Pacific Islanders", vec![Situation::CulturalCommunity])]
#[case("Persons with traumatic brain injury", vec![Situation::Disability])]
#[case("Wheelchair bound", vec![Situation::PhysicalDisability])]
#[case("Must be a parent", vec![Situation::Parenting])]
#[case("Must be enrolled in school", vec![Situation::Student])]
#[case("Applicant must be a veteran", vec![Situation::Veteran])]
fn reads_new_populations(#[case] text: &str, #[case] want: Vec<Situation>) {
    assert_eq!(
        eligibility_from_text(text).populations.value(),
        Some(&want),
        "{text}"
    );
}

#[rstest]
// An audience stated in prose is a hint (Low), never an exclusion.
#[case("24-hour shelter for adults", age(Some(18.0), None))]
#[case("Emergency shelter for single adults", age(Some(18.0), None))]
#[case("Age 2 1/2 - 12", age(Some(2.5), Some(12.0)))]
#[case("Age 4 1/2-18", age(Some(4.5), Some(18.0)))]
#[case("Voting-age citizen", age(Some(18.0), None))]
// Adults listed with other groups: no age.
#[case("Shelter for adults and children", None)]
// Sub-programs: "None for most programs. 4-H: ..." and two headed
// programs with different ages restrict nothing.
#[case("None for most programs. 4-H: Ages 5-19", None)]
#[case("Group home: age 9-18. Foster care: age 6 months -18", None)]
#[case("Most programs are open to all. Art camp: ages 8-14", None)]
#[case("Pantry: no restrictions. Teen club: ages 13-18", None)]
#[case("Ages 2-5 for preschool; ages 6-11 for after-school", None)]
#[case(
    "Swim lessons for all ages. Toddler classes for ages 2-4 meet Saturdays",
    None
)]
// Widening alternatives.
#[case("Age 18 or over, or age 16 with a letter of exemption", None)]
#[case("Age 50 or over or a family member of a senior citizen", None)]
// A sentence closed by the program it is for: that sub-program's.
#[case(
    "Age 50 or over, spouse of any age. Age 60 or over for nutrition program",
    None
)]
#[case(
    "Age 55 or over. Age 60 or over for some federally funded programs",
    age(Some(55.0), None)
)]
// School grades are no ages.
#[case("Grade 1 through 6, having difficulty in academic areas", None)]
fn reads_stated_audiences_and_sub_programs(#[case] text: &str, #[case] expected: Option<AgeRange>) {
    assert_eq!(
        eligibility_from_text(text).age.value().copied(),
        expected,
        "{text}"
    );
}

#[rstest]
#[case("Shelter for battered women", Some(Gender::Female), vec![Situation::DomesticViolenceSurvivor])]
#[case("Emergency and longer-term women's shelter. 5 beds for women in crisis", Some(Gender::Female), vec![])]
#[case("Shelter for women and transgender women", Some(Gender::Female), vec![])]
#[case("Male, age 18 or over, lineal descendent of a supporter", Some(Gender::Male), vec![])]
#[case("Family shelter", None, vec![Situation::FamilyWithChildren])]
#[case("Youth medical clinic", None, vec![Situation::Youth])]
#[case("Hot meal for seniors over 60, their caretakers, or spouses", None, vec![Situation::Senior, Situation::Caregiver])]
#[case("Frail elderly or disabled adult in need of activity programs", None, vec![Situation::Senior, Situation::Disability])]
// The noun after a group is that group's ("disabled adults"), no age.
#[case("Seniors or disabled adults", None, vec![Situation::Senior, Situation::Disability])]
#[case("Groceries are distributed weekly to homeless people", None, vec![Situation::Homeless])]
#[case("Single man or woman with child, woman in final month of pregnancy", None, vec![Situation::Parenting, Situation::Pregnant])]
#[case("Physical limitation or disability, or developmental disability", None, vec![Situation::PhysicalDisability, Situation::Disability, Situation::DevelopmentalDisability])]
#[case("Kaiser Health Plan member, homebound", None, vec![Situation::Member])]
#[case("living with a disability; living with HIV/AIDS", None, vec![Situation::Disability, Situation::HivAids])]
// Pairs and topics: no gender, no group.
#[case("Membership is open to women and men", None, vec![])]
#[case("Women, infants, and children's health services", None, vec![])]
#[case("Priority given to frail elderly", None, vec![])]
#[case("Priority to seniors", None, vec![])]
// Someone else's group: the relative's or the child's.
#[case("Support group for friends of people with mental illness", None, vec![])]
#[case("Classes for parents of children with autism", None, vec![])]
// Whom volunteers help, who the staff are, who else is welcome, a price.
#[case("We train volunteers to support survivors of domestic violence", None, vec![])]
#[case("Tutors are needed to help refugee children with homework", None, vec![])]
#[case("Our counselors are combat veterans. Counseling is open to all adults", None, vec![])]
#[case("A support group for people living with HIV. Partners and friends are welcome too", None, vec![])]
#[case("Checkups for children; uninsured families pay on a sliding scale", None, vec![])]
#[case("Firewood for any household. Priority goes to elders and veterans", None, vec![])]
// Who pays nothing, beside everyone else who pays.
#[case("Free for veterans and seniors; others pay $5", None, vec![])]
// A preference closing a sentence leaves the clause before it standing.
#[case("Housing for veterans in recovery, with priority to women", None, vec![Situation::Veteran, Situation::InRecovery])]
#[case("Shelter for women fleeing domestic violence; priority given to mothers", Some(Gender::Female), vec![Situation::DomesticViolenceSurvivor])]
#[case("Child care and disability benefits counseling", None, vec![])]
#[case("One member shall reside in each supervisorial district", None, vec![])]
#[case("Not eligible for Medi-Cal, military care or Medicare", None, vec![])]
#[case("Media and technology trainings for youth and adults", None, vec![])]
fn reads_people_phrases(
    #[case] text: &str,
    #[case] gender: Option<Gender>,
    #[case] populations: Vec<Situation>,
) {
    assert_gender_and_populations(text, gender, &populations);
}

#[rstest]
// Common directory wordings of the groups, with their variants.
#[case("Survivors of sexual assault", vec![Situation::CrimeVictim])]
#[case("Victims of torture", vec![Situation::CrimeVictim])]
#[case("Persons with mental illness", vec![Situation::SeriousMentalIllness])]
#[case("Adults with a psychiatric disability", vec![Situation::SeriousMentalIllness])]
#[case("Individuals with substance abuse problems", vec![Situation::SubstanceUse])]
#[case("Persons in recovery from substance abuse", vec![Situation::InRecovery])]
#[case("Grandparents raising grandchildren", vec![Situation::Caregiver])]
#[case("Family caregivers", vec![Situation::Caregiver])]
#[case("Former foster youth", vec![Situation::FosterYouth])]
#[case("Must have served in the US military", vec![Situation::Veteran])]
#[case("Applicants must have served in the U.S. armed forces.", vec![Situation::Veteran])]
#[case("Bring a letter from your probation officer.", vec![Situation::JusticeInvolved])]
#[case("For people who are not working.", vec![Situation::Unemployed])]
#[case("Support for anyone raising a relative's children", vec![Situation::Caregiver])]
#[case("For families facing housing instability", vec![Situation::AtRiskOfHomelessness])]
#[case("For seniors and adults with disabilities", vec![Situation::Senior, Situation::Disability])]
#[case("Current or former foster youth", vec![Situation::FosterYouth])]
#[case("Detained youth", vec![Situation::InCustody])]
#[case("Legal permanent residents", vec![Situation::Immigrant])]
#[case("Senior citizens", vec![Situation::Senior])]
#[case("Children and spouses of active duty service members", vec![Situation::Military])]
#[case("Part-time students", vec![Situation::Student])]
#[case("K-12 students", vec![Situation::Student])]
#[case("Adults in early recovery", vec![Situation::InRecovery])]
#[case("Serious & persistent mental illness", vec![Situation::SeriousMentalIllness])]
#[case("Vietnamese speakers", vec![Situation::CulturalCommunity])]
// "Korean" is a people too: the longer reading, its language's speakers.
#[case("Tax help for Korean-speaking residents of Fort Lee", vec![Situation::CulturalCommunity])]
#[case("Persons living w/ HIV", vec![Situation::HivAids])]
#[case("Support group for LGBTQ+ teens", vec![Situation::Lgbtq])]
#[case("Vouchers help current and former foster youth pay for college", vec![Situation::FosterYouth])]
#[case("Detox for people going through alcohol or opioid withdrawal", vec![Situation::SubstanceUse])]
#[case("Beds for adults in opioid withdrawal", vec![Situation::SubstanceUse])]
#[case("Therapy for people who may have been physically or sexually abused", vec![Situation::CrimeVictim])]
#[case("Rides for people whose disability prevents them from using buses", vec![Situation::Disability])]
#[case("Therapy for toddlers with developmental delays", vec![Situation::DevelopmentalDisability])]
#[case("Name change clinic for transgender and nonbinary people", vec![Situation::Lgbtq])]
#[case("Syringe services for people who use drugs", vec![Situation::SubstanceUse])]
#[case("Record sealing for people with arrest or conviction records", vec![Situation::JusticeInvolved])]
#[case("Members of the congregation only", vec![Situation::Member])]
#[case("Peer support for people who served in any branch of the U.S. military", vec![Situation::Veteran])]
#[case("Bus passes for residents who are veterans, seniors, or people with disabilities", vec![Situation::Veteran, Situation::Senior, Situation::Disability])]
#[case("Youth aging out of foster care", vec![Situation::FosterYouth])]
#[case("Chronically homeless adults", vec![Situation::Homeless])]
#[case("Families at risk of eviction", vec![Situation::FamilyWithChildren, Situation::AtRiskOfHomelessness])]
#[case("People with a criminal record", vec![Situation::JusticeInvolved])]
#[case("Ex-offenders", vec![Situation::JusticeInvolved])]
#[case("Formerly incarcerated individuals", vec![Situation::JusticeInvolved])]
#[case("Persons on parole", vec![Situation::JusticeInvolved])]
#[case("Refugees and asylees", vec![Situation::Refugee, Situation::Asylee])]
#[case("Recent immigrants", vec![Situation::Immigrant])]
#[case("Job seekers", vec![Situation::Unemployed])]
#[case("Service members and veterans", vec![Situation::Military, Situation::Veteran])]
#[case("Persons with HIV", vec![Situation::HivAids])]
#[case("For people with disabilities", vec![Situation::Disability])]
#[case("Members of a federally recognized tribe", vec![Situation::CulturalCommunity])]
#[case("Latino community", vec![Situation::CulturalCommunity])]
#[case("Single mothers", vec![Situation::Parenting])]
#[case("At-risk youth", vec![Situation::Youth])]
#[case("Juvenile offenders", vec![Situation::JusticeInvolved])]
#[case("Adult with chronic mental illness", vec![Situation::SeriousMentalIllness])]
#[case("Adults with a desire to overcome an addiction to substance(s).", vec![Situation::SubstanceUse])]
#[case("Desire to stop using marijuana", vec![Situation::SubstanceUse])]
// The wish names the person even in a sentence read in part.
#[case("Adult males and females with a desire to overcome an addiction to substance(s).", vec![Situation::SubstanceUse])]
#[case("Amputee", vec![Situation::PhysicalDisability])]
#[case("Membership in ASQ", vec![Situation::Member])]
#[case("Representation for victims of intimate partner violence", vec![Situation::DomesticViolenceSurvivor])]
#[case("Adults with mobility impairments", vec![Situation::PhysicalDisability])]
#[case("Must be a member in good standing of CAMFT", vec![Situation::Member])]
#[case("Member of the San Carlos Villagers", vec![Situation::Member])]
#[case("HIV-positive or mental health disabilities", vec![Situation::HivAids, Situation::SeriousMentalIllness])]
#[case("Any parent with custody or visitation rights", vec![Situation::Parenting])]
#[case("Custodial parents", vec![Situation::Parenting])]
// A people before "resident": a group, the residence read as well.
#[case("Filipino resident of Foster City", vec![Situation::CulturalCommunity])]
#[case("Recent jail involvement", vec![Situation::JusticeInvolved])]
#[case("Recent former inmate", vec![Situation::JusticeInvolved])]
#[case("Family requiring shelter must have at least 1 child in custody", vec![Situation::FamilyWithChildren])]
#[case("Medical certification of disability", vec![Situation::Disability])]
#[case("Disability must be verified by a physician", vec![Situation::Disability])]
#[case("A medically diagnosable disability", vec![Situation::Disability])]
// A relative clause ("that can be ...") widens nothing.
#[case(
    "A medically diagnosable disability that creates an impediment to employment that can be remedied with rehabilitation services",
    vec![Situation::Disability]
)]
#[case("Adult with memory impairment", vec![Situation::Disability])]
#[case("Low-income Chinese-speaking family", vec![Situation::CulturalCommunity])]
#[case("Youth in the juvenile justice or child welfare system", vec![Situation::Youth, Situation::JusticeInvolved, Situation::FosterYouth])]
// Adjectives sharing one noun: each its own group.
#[case("Adult with developmental, physical, or emotional disability", vec![Situation::DevelopmentalDisability, Situation::PhysicalDisability, Situation::Disability])]
#[case("Visual or hearing impairment", vec![Situation::BlindLowVision, Situation::DeafHardOfHearing])]
// Stacked groups ("homeless youth"): both, as a hint.
#[case("Homeless youth", vec![Situation::Homeless, Situation::Youth])]
// An adjective that narrows to a kind: that kind alone.
#[case("Undocumented immigrants", vec![Situation::Undocumented])]
// A term joined by "and" after an "or" narrows that choice.
#[case("Senior age 62 or over, or disabled and low-income", vec![Situation::Senior, Situation::Disability])]
#[case("Mentally ill and homeless or about to become homeless", vec![Situation::SeriousMentalIllness, Situation::Homeless, Situation::AtRiskOfHomelessness])]
// Sentences that each name one group list who may come.
#[case("a youth (17 years or younger); homeless or at risk of homelessness", vec![Situation::Youth, Situation::Homeless, Situation::AtRiskOfHomelessness])]
// An audience named in prose.
#[case("Legal help for seniors and their caregivers in all programs", vec![Situation::Senior, Situation::Caregiver])]
#[case("Desire to stop using drugs and alcohol", vec![Situation::SubstanceUse])]
#[case("Active drug users", vec![Situation::SubstanceUse])]
// A program's name names no group; the people it serves do.
#[case("The Veterans Advocacy Project represents veterans 65 and up", vec![Situation::Veteran])]
#[case("Drop-in center for women and families leaving domestic violence.", vec![Situation::DomesticViolenceSurvivor])]
#[case("Desire to stop using cocaine and all other mind-altering substances", vec![Situation::SubstanceUse])]
#[case("With current substance abuse problem and mental health issues", vec![Situation::SubstanceUse])]
#[case("Chinese seniors", vec![Situation::CulturalCommunity])]
#[case(
    "Woman (single or with children), victim of domestic violence or at risk of domestic violence",
    vec![Situation::DomesticViolenceSurvivor]
)]
#[case("Must have at least one child or be expecting a child", vec![Situation::FamilyWithChildren, Situation::Pregnant])]
#[case("Ward of the Juvenile Court or subject of pending criminal action", vec![Situation::JusticeInvolved])]
#[case("Must have a diagnosis of HIV/AIDS", vec![Situation::HivAids])]
#[case("Homeless and at-risk youth", vec![Situation::Youth])]
#[case("Must have a DD-214", vec![Situation::Veteran])]
#[case("Free legal services for people living with HIV", vec![Situation::HivAids])]
#[case("Individuals leaving prison or jail", vec![Situation::JusticeInvolved])]
#[case("Free preparation of wills for applicants with HIV/Aids", vec![Situation::HivAids])]
#[case("Age 21-60, detoxed", vec![Situation::InRecovery])]
#[case("Age 18 or over, 72 hours of detoxification", vec![Situation::InRecovery])]
#[case("Age 18 or over, under legal arrest", vec![Situation::InCustody])]
#[case("Low-income, aged, blind or disabled", vec![Situation::Senior, Situation::BlindLowVision, Situation::Disability])]
#[case("Honorably discharged veteran of the U.S. Armed Forces", vec![Situation::Veteran])]
#[case("Veterans of the U.S. military", vec![Situation::Veteran])]
// Directory wordings of the groups, probed beyond the shared data.
#[case("Chronically mentally ill adult", vec![Situation::SeriousMentalIllness])]
// Probed from the Open Eligibility "human situations" terms.
#[case("Persons on probation or parole", vec![Situation::JusticeInvolved])]
#[case("National Guard members and their families", vec![Situation::Military])]
#[case("Near homeless", vec![Situation::AtRiskOfHomelessness])]
#[case("At risk of becoming homeless", vec![Situation::AtRiskOfHomelessness])]
#[case("Transgender and gender nonconforming individuals", vec![Situation::Lgbtq])]
#[case("Human trafficking survivors", vec![Situation::CrimeVictim])]
#[case("People with limited mobility", vec![Situation::PhysicalDisability])]
#[case("People with intellectual disabilities", vec![Situation::DevelopmentalDisability])]
#[case("Parish members", vec![Situation::Member])]
#[case("Youth in juvenile detention", vec![Situation::InCustody])]
#[case("Runaway and homeless youth", vec![Situation::Youth])]
#[case("Fathers", vec![Situation::Parenting])]
// Found with a synthetic probe set written blind to the reader.
#[case("Individuals with serious and persistent mental illness", vec![Situation::SeriousMentalIllness])]
#[case("People who actively use drugs", vec![Situation::SubstanceUse])]
#[case("Persons granted asylum", vec![Situation::Asylee])]
#[case("Korean American seniors", vec![Situation::CulturalCommunity])]
#[case("Hmong community members", vec![Situation::CulturalCommunity])]
#[case("Youth in foster care", vec![Situation::FosterYouth])]
#[case("Aging out of foster care", vec![Situation::FosterYouth])]
#[case("Out of work", vec![Situation::Unemployed])]
#[case("Registered member of the Tribe", vec![Situation::Member])]
#[case("Enrolled members of the Cherokee Nation", vec![Situation::Member])]
#[case("Currently enrolled Ivy Tech students", vec![Situation::Student])]
#[case("Adults with opioid use disorder", vec![Situation::SubstanceUse])]
#[case("Active duty, National Guard and reserve families", vec![Situation::Military])]
#[case(
    "Women and girls who have experienced sexual exploitation or trafficking",
    vec![Situation::CrimeVictim]
)]
#[case("Without medical coverage", vec![Situation::Uninsured])]
#[case("People with no health insurance", vec![Situation::Uninsured])]
#[case("Noncitizen victims of domestic violence", vec![Situation::Immigrant, Situation::DomesticViolenceSurvivor])]
#[case("We assist people who need to naturalize", vec![Situation::Immigrant])]
#[case("Victims of recent domestic violence", vec![Situation::DomesticViolenceSurvivor])]
#[case("Homebound senior", vec![Situation::Senior])]
#[case("Alcoholic or addict", vec![Situation::SubstanceUse])]
#[case("Teen parent", vec![Situation::Parenting])]
#[case("Gay, lesbian, bisexual, transgender or questioning youth", vec![Situation::Lgbtq])]
#[case("Person with visual impairment", vec![Situation::BlindLowVision])]
#[case("Displaced homemaker", vec![Situation::Unemployed])]
#[case("Laid-off worker", vec![Situation::Unemployed])]
#[case("College student", vec![Situation::Student])]
#[case("Runaway youth", vec![Situation::Youth])]
#[case("Abused child", vec![Situation::CrimeVictim])]
#[case("Elder abuse victim", vec![Situation::CrimeVictim])]
#[case("Autistic adults", vec![Situation::DevelopmentalDisability])]
#[case("Child with severe to profound deafness", vec![Situation::DeafHardOfHearing])]
#[case("Eligible for Golden Gate Regional Center services", vec![Situation::DevelopmentalDisability])]
#[case("Neurologically impaired", vec![Situation::Disability])]
#[case("Age 18 or over, legal arrest", vec![Situation::InCustody])]
#[case("Jewish person", vec![Situation::CulturalCommunity])]
// A list of harms after "victims of": each its group.
#[case(
    "Victims of domestic violence, dating violence, sexual violence and stalking",
    vec![Situation::DomesticViolenceSurvivor, Situation::CrimeVictim]
)]
#[case(
    "Victim of domestic/family violence, sexual assault, or stalking",
    vec![Situation::DomesticViolenceSurvivor, Situation::CrimeVictim]
)]
#[case("Survivors of human trafficking", vec![Situation::CrimeVictim])]
#[case("Survivor of abuse or crime", vec![Situation::CrimeVictim])]
// Children under 18 define a family; no child's age of their own.
#[case("1- or 2- parent families", vec![Situation::FamilyWithChildren])]
#[case("Families with children under 18", vec![Situation::FamilyWithChildren])]
// Adults with disabilities are a group of their own beside seniors.
#[case("Seniors and adults with disabilities", vec![Situation::Senior, Situation::Disability])]
#[case("Must have a diagnosis of serious mental illness", vec![Situation::SeriousMentalIllness])]
#[case("Must be sober", vec![Situation::InRecovery])]
#[case("Blind or visually impaired", vec![Situation::BlindLowVision])]
#[case("Older adults and adults with disabilities", vec![Situation::Senior, Situation::Disability])]
// Adverbs on one "disabled".
#[case(
    "Visually, physically or learning disabled person",
    vec![Situation::BlindLowVision, Situation::PhysicalDisability, Situation::Disability]
)]
#[case(
    "Must be psychiatrically/physically disabled",
    vec![Situation::SeriousMentalIllness, Situation::PhysicalDisability]
)]
#[case(
    "Must be a mother, foster mother or expectant mother",
    vec![Situation::Parenting, Situation::Pregnant]
)]
// The same condition however said.
#[case("Wanting to quit drinking", vec![Situation::SubstanceUse])]
#[case("Must want to quit drugs and alcohol", vec![Situation::SubstanceUse])]
#[case("Students, grades K-12", vec![Situation::Student])]
#[case("Czech/Slovak ancestry", vec![Situation::CulturalCommunity])]
#[case(
    "Experiencing or at risk of homelessness",
    vec![Situation::Homeless, Situation::AtRiskOfHomelessness]
)]
#[case("Women who need drug treatment", vec![Situation::SubstanceUse])]
#[case("Disabled or frail older adults", vec![Situation::Disability, Situation::Senior])]
#[case("CAMFT members in good standing only", vec![Situation::Member])]
#[case("Emergency shelter for families", vec![Situation::FamilyWithChildren])]
#[case("Seniors who have suffered physical abuse", vec![Situation::Senior, Situation::CrimeVictim])]
#[case("People on federal parole, probation or supervised release", vec![Situation::JusticeInvolved])]
#[case("People experiencing or threatened with domestic violence", vec![Situation::DomesticViolenceSurvivor])]
#[case("Adults who have a memory impairment", vec![Situation::Disability])]
#[case(
    "People with an autism spectrum disorder or a related communication disorder",
    vec![Situation::DevelopmentalDisability]
)]
// Open Eligibility's situation terms written alone, as a field's list.
#[case("Physical disability, age 18+", vec![Situation::PhysicalDisability])]
#[case("Intellectual disability", vec![Situation::DevelopmentalDisability])]
// A group word on a relative is the relative's.
#[case(
    "Grandparents caring for minor and disabled grandchildren",
    vec![Situation::Caregiver]
)]
// Harms named before their victims.
#[case("Intimate partner violence victims", vec![Situation::DomesticViolenceSurvivor])]
#[case(
    "Domestic violence and stalking survivors",
    vec![Situation::DomesticViolenceSurvivor, Situation::CrimeVictim]
)]
#[case("Abuse or crime survivors", vec![Situation::CrimeVictim])]
// A past in custody, however said.
#[case("Must have been incarcerated", vec![Situation::JusticeInvolved])]
#[case("Recently released from prison", vec![Situation::JusticeInvolved])]
#[case("Those on probation or parole", vec![Situation::JusticeInvolved])]
#[case("Women who have been battered", vec![Situation::DomesticViolenceSurvivor])]
#[case("Battered women's shelter", vec![Situation::DomesticViolenceSurvivor])]
#[case("Students in kindergarten through 12th grade", vec![Situation::Student])]
#[case(
    "Pregnant and postpartum women",
    vec![Situation::Pregnant, Situation::Parenting]
)]
#[case(
    "People in recovery from substance use disorders",
    vec![Situation::InRecovery]
)]
#[case("Tenants facing eviction", vec![Situation::AtRiskOfHomelessness])]
#[case("Must have 30 days clean time", vec![Situation::InRecovery])]
#[case("90 days sober required", vec![Situation::InRecovery])]
#[case("Must have 6 months of sobriety", vec![Situation::InRecovery])]
#[case("Must be clean for 30 days", vec![Situation::InRecovery])]
#[case("Renters behind on rent", vec![Situation::AtRiskOfHomelessness])]
#[case("People who are currently homeless", vec![Situation::Homeless])]
#[case("Must be a member of the church", vec![Situation::Member])]
#[case("Must be a member of St. Mark's Church", vec![Situation::Member])]
#[case("Members of the Elks Lodge", vec![Situation::Member])]
fn reads_common_group_wordings(#[case] text: &str, #[case] want: Vec<Situation>) {
    assert_eq!(
        eligibility_from_text(text).populations.value(),
        Some(&want),
        "{text}"
    );
}

/// A sentence opened by "also" widens who is served: its own age
/// restricts no one, and one it states means the groups differ in age.
#[rstest]
#[case(
    "Supplemental foods for low-income women during pregnancy. Also serves eligible seniors, 60 years of age or over.",
    None
)]
// Widening within the first group's ages keeps them.
#[case(
    "Age 21 or under, diagnosed deaf or hard of hearing. Also serves learning disabled persons who are deaf",
    age(None, Some(21.0))
)]
fn a_widening_sentence_adds_no_age(#[case] text: &str, #[case] expected: Option<AgeRange>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value(), expected.as_ref(), "{text}");
    assert!(e.gender.is_open(), "{text}");
}

#[rstest]
// Topics, places and sub-roles: no group.
#[case("Youth services and counseling")]
#[case("Mental health services")]
#[case("Foster care licensing")]
#[case("Domestic Violence Injunctions; Temporary Custody")]
#[case("Women, teens and children who are victims of or threatened by Domestic Violence")]
#[case("Transgender Services, Women's Health, Family Planning")]
#[case("Spanish, Cantonese and Mandarin spoken")]
#[case("The Homeless Legal Prevention Project provides legal services to tenants")]
#[case("Social Security Appeals, Unemployment Compensation, Veterans Benefits")]
// A kind of case, not the people.
#[case("Parents involved in custody litigation")]
// Someone else's group, and organizations named for one.
#[case("Services for children of veterans")]
#[case("Support for family members of people in jail")]
#[case("Training for providers who serve homeless clients")]
// Who is not served.
#[case("We do not serve people currently in custody")]
#[case("Sponsored by Veterans of Foreign Wars Post 1234; open to the community")]
#[case("Family members visiting inmates at San Quentin")]
#[case("Homeless, low income, or anyone in need")]
#[case("Classes are held at the Veterans Memorial Building; open to all residents")]
#[case("Individuals deprived by a caregiver of food or needed medication")]
fn topics_name_no_group(#[case] text: &str) {
    let e = eligibility_from_text(text);
    let groups = e.populations.value().cloned().unwrap_or_default();
    let want: &[Situation] = if text.starts_with("Women, teens") {
        &[Situation::DomesticViolenceSurvivor]
    } else {
        &[]
    };
    assert_eq!(groups, want, "{text}");
    assert!(e.gender.is_open(), "{text}");
}

#[rstest]
// A group offered as one choice beside a group the scan leaves out:
// reading it alone would narrow the choice.
#[case("Must be low-income household, family, senior or disabled")]
#[case("Resident of area served who is ill, elderly, disabled or living alone")]
// Beside a group it is read ("Age 62 or over or handicapped" is read
// as seniors or disabled: `reads_a_seniors_age_as_a_choice`).
fn a_choice_beside_a_weak_group_is_no_group(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.populations.is_open(), "{text}: {:?}", e.populations);
}

/// Adults listed beside a group are served too: the group restricts no one
/// with high confidence.
#[test]
fn adults_beside_a_group_widen_it() {
    let e = eligibility_from_text("Families with children under 18 and single adults");
    assert_ne!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
    assert_ne!(confidence(&e.age), Some(Confidence::High), "{e:?}");
}

/// An age after the parents' own group is theirs; after a child, the child's.
#[rstest]
#[case("Pregnant and parenting teens under 21", AgeOf::Client)]
#[case("Families with children under 12", AgeOf::Child)]
#[case("Parents of children ages 0-5", AgeOf::Child)]
fn whose_age_beside_parents(#[case] text: &str, #[case] of: AgeOf) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value().map(|a| a.of), Some(of), "{text}");
}

/// A group or an age offered as one choice beside one the reader does not
/// know, or beside a residence, restricts no one: whoever the other choice
/// names qualifies too.
#[rstest]
#[case("Homeless person or person without cooking facilities")]
#[case("Enrolled student or county resident")]
#[case("Veteran or San Mateo County resident")]
#[case("Age 60 or over or homebound and unable to prepare own meals")]
#[case("Elderly, ill or disabled, or at-risk teenager, residing in institutional setting")]
fn a_choice_beside_an_unknown_one_is_no_restriction(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.populations.is_open() && e.age.is_open(), "{text}: {e:?}");
}

/// Known choices joined by "or" are still read ("or who are", "or an" do not
/// hide the choice after them).
#[rstest]
#[case(
    "Volunteer attorneys help young adults formerly in foster care or who are in extended foster care",
    Situation::FosterYouth
)]
#[case("Unemployed or underemployed person", Situation::Unemployed)]
#[case(
    "Primary caregiver of child age 5 or under, or expecting",
    Situation::Pregnant
)]
#[case(
    "Unable to read ordinary print as a result of visual or physical limitations",
    Situation::PhysicalDisability
)]
fn known_choices_are_read(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    let groups = e.populations.value().map_or(&[][..], Vec::as_slice);
    assert!(groups.contains(&group), "{text}: {e:?}");
}

/// Low income offered as one choice beside a group is one of the groups.
#[rstest]
#[case("Homeless or low-income person at-risk", Situation::Homeless)]
#[case(
    "County resident disabled or economically disadvantaged",
    Situation::Disability
)]
fn low_income_beside_a_group_is_one_choice(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    let groups = e.populations.value().map_or(&[][..], Vec::as_slice);
    assert!(
        groups.contains(&group) && groups.contains(&Situation::LowIncome),
        "{text}: {e:?}"
    );
}

#[test]
fn stacked_groups_and_narrowed_choices_are_hints() {
    for text in [
        "Homeless youth",
        "Senior age 62 or over, or disabled and low-income",
    ] {
        let e = eligibility_from_text(text);
        assert_eq!(confidence(&e.populations), Some(Confidence::Low), "{text}");
    }
}

/// Every word of the non-residency tables ends a place name (`place.rs`):
/// a table word that is also a common word of place names would cut them.
#[rstest]
#[case("Palm Beach County")]
#[case("Menlo Park")]
#[case("Mariner's Green")]
#[case("Castro Valley")]
#[case("Half Moon Bay")]
#[case("Redwood Shores")]
#[case("Foster City")]
#[case("Lake County")]
#[case("Pacific Grove")]
#[case("Santa Cruz Mountains")]
#[case("Twin Lakes")]
#[case("Point Reyes Station")]
fn table_words_leave_place_names_whole(#[case] place: &str) {
    let text = format!("Resident of {place}");
    let e = eligibility_from_text(&text);
    assert_eq!(
        e.residency.value(),
        Some(&vec![place.to_owned()]),
        "{text}: {e:?}"
    );
}

/// A people in an organization's name names no one ("Jewish Community
/// Center members" are the center's members).
#[test]
fn a_people_in_an_organizations_name_is_no_community() {
    let e = eligibility_from_text("Open to Peninsula Jewish Community Center members");
    assert!(
        !e.populations
            .value()
            .is_some_and(|s| s.contains(&Situation::CulturalCommunity)),
        "{e:?}"
    );
}

/// An age group with its age and another group beside it are a choice:
/// neither restricts with high confidence ("Age 18 or over and homeless"
/// still requires both).
#[test]
fn an_aged_group_and_another_are_a_choice() {
    let e = eligibility_from_text("Youth ages 16-24 and young parents");
    assert_ne!(confidence(&e.age), Some(Confidence::High), "{e:?}");
    assert_ne!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
    let e = eligibility_from_text("Age 18 or over and homeless");
    assert_eq!(confidence(&e.age), Some(Confidence::High), "{e:?}");
    assert_eq!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
}

/// "Underinsured" people have insurance: beside "uninsured" it widens the
/// group past what a profile can state, so nothing excludes.
#[test]
fn underinsured_widens_uninsured() {
    let e = eligibility_from_text("Uninsured or underinsured");
    assert_ne!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
    assert!(!e.to_verify.is_empty(), "{e:?}");
}

/// Bare numbers right after the people they describe are their ages, in a
/// sentence read in part too.
#[rstest]
#[case("Men and women 18-64 in Duval County", 18.0)]
#[case("A residential program for men 18-65 recovering from addiction.", 18.0)]
#[case("Adults 50+ seeking employment", 50.0)]
fn bare_ages_after_people(#[case] text: &str, #[case] min: f64) {
    let e = eligibility_from_text(text);
    assert_eq!(
        e.age.value().and_then(|a| a.min),
        Some(min),
        "{text}: {e:?}"
    );
}

/// Who is sent elsewhere is not who may come: the gender stays the one
/// served.
#[test]
fn who_is_referred_elsewhere_is_no_one_served() {
    let e = eligibility_from_text(
        "Shelter beds for men only; women are referred to the Salvation Army Family Center.",
    );
    assert_eq!(e.gender.value(), Some(&Gender::Male), "{e:?}");
}

/// "Higher limits apply for seniors": another group's limits, no group.
#[test]
fn another_groups_limits_name_no_group() {
    let e = eligibility_from_text(
        "Income must be at or below 125% of the poverty guidelines; higher limits apply for seniors.",
    );
    assert!(e.populations.value().is_none(), "{e:?}");
    assert_eq!(
        e.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(125.0)),
        "{e:?}"
    );
}

/// Clock times are no headings of sub-programs whose ages would differ.
#[test]
fn clock_times_are_no_headings() {
    let e = eligibility_from_text("Shelter for youth 18-24. Curfew 9:45pm. Leave by 8:30am.");
    assert_eq!(e.age.value().and_then(|a| a.max), Some(24.0), "{e:?}");
}

#[test]
fn a_minor_child_sets_no_age() {
    let e = eligibility_from_text("Families with children under 18");
    assert!(e.age.is_open(), "{e:?}");
    assert_eq!(confidence(&e.populations), Some(Confidence::High));
    // A younger limit is the child's age.
    let e = eligibility_from_text("Families with children under age 12");
    assert_eq!(e.age.value().and_then(|a| a.max), Some(11.0));
}

#[rstest]
// The conditions for joining or using the service are the service's;
// those of a role within it are not.
#[case("Age 12 or over, age 18 or over to hold office", age(Some(12.0), None))]
#[case("Age 18 or over to become a member", age(Some(18.0), None))]
#[case(
    "Dining room serving seniors. For those age 60 & over",
    age(Some(60.0), None)
)]
fn reads_purposes_and_roles(#[case] text: &str, #[case] want: Option<AgeRange>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value().copied(), want, "{text}");
    // An explicit age replaces the age group named elsewhere.
    assert!(e.populations.is_open(), "{text}: {e:?}");
}

#[test]
fn groups_from_several_sentences_are_a_hint() {
    let e = eligibility_from_text("living with a disability; living with HIV/AIDS");
    assert_eq!(confidence(&e.populations), Some(Confidence::Low));
    // Groups picked out of prose in different sentences stay unknown...
    let e = eligibility_from_text(
        "Serves disabled people who need rides. Helps veterans who need rides.",
    );
    assert!(e.populations.value().is_none(), "{e:?}");
    // ... unless a sentence opened by "also" adds its groups to the others'.
    let e = eligibility_from_text(
        "Serves disabled people who need rides. Also helps veterans who need rides.",
    );
    assert_eq!(
        e.populations.value(),
        Some(&vec![Situation::Disability, Situation::Veteran])
    );
    assert_eq!(confidence(&e.populations), Some(Confidence::Low));
}

#[rstest]
#[case("Resident of, or employed in, San Carlos", Some("San Carlos"))]
#[case("Resident or business person in San Bruno", Some("San Bruno"))]
#[case(
    "Must reside and/or work in San Mateo County",
    Some("San Mateo County")
)]
#[case(
    "Service to the indigent population of Sarasota County",
    Some("Sarasota County")
)]
#[case("Based on geographic area", None)]
#[case("Age 18 or under, living or attending school in area served", None)]
#[case("Live or work in area serviced", None)]
#[case("Must live within city limits", None)]
#[case("Residency in Broward County required", Some("Broward County"))]
#[case("Eligible residents of Central Florida", Some("Central Florida"))]
#[case("Priority given to Daly City residents", None)]
// Where an office is, or a town named in prose, is no residency.
#[case("Legal intake at the VA Hospital in Pinellas County", None)]
#[case("The only shelter in San Francisco offering beds", None)]
#[case(
    "Resident of San Mateo County, Medi-Cal eligible",
    Some("San Mateo County")
)]
fn reads_live_or_work_residency(#[case] text: &str, #[case] place: Option<&str>) {
    let e = eligibility_from_text(text);
    match place {
        Some(p) => assert_eq!(e.residency.value(), Some(&vec![p.to_owned()]), "{text}"),
        None if ["area", "limits"].iter().any(|w| text.contains(w)) => {
            assert!(matches!(e.residency, Constraint::Unknown { .. }), "{text}")
        }
        None => assert!(e.residency.is_open(), "{text}"),
    }
}

#[test]
fn a_purpose_keeps_what_to_bring() {
    let e = eligibility_from_text("Name and address ID necessary to obtain a library card");
    assert!(e.requirements.iter().any(|r| r.kind == RequirementKind::Id));
    let e = eligibility_from_text("Age 18 or over to become a member");
    assert!(
        e.age
            .value()
            .is_none_or(|_| confidence(&e.age) == Some(Confidence::Low))
    );
}

#[test]
fn a_parents_program_reads_the_childs_age() {
    let e = eligibility_from_text("Parent of child age 5 or under");
    assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Child));
    assert_eq!(e.populations.value(), Some(&vec![Situation::Parenting]));
}

#[rstest]
#[case("Primary caregiver of child age 5 or under, or expecting")]
#[case("Must have 1 child in family or in care who is age 5 or under")]
#[case("For current & former sex workers and their children 12+")]
fn a_child_someone_has_or_cares_for_has_the_age(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Child), "{text}");
}

#[test]
fn a_childrens_program_reads_the_clients_age() {
    let e =
        eligibility_from_text("Child, age 5-14, whose life has been impacted by family addiction");
    assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Client));
}

#[rstest]
#[case("Asian Women's Shelter", Some(Gender::Female), Confidence::High)]
#[case("Men's Ministry", Some(Gender::Male), Confidence::High)]
#[case("Women's Center", Some(Gender::Female), Confidence::Low)]
#[case("League of Women Voters", None, Confidence::High)]
fn names_carry_gender_cues(
    #[case] name: &str,
    #[case] gender: Option<Gender>,
    #[case] conf: Confidence,
) {
    let e = with_name_cues(name, &Eligibility::default()).unwrap_or_default();
    assert_eq!(e.gender.value().copied(), gender, "{name}");
    if gender.is_some() {
        assert_eq!(confidence(&e.gender), Some(conf), "{name}");
    }
}

#[test]
fn names_never_override_the_text() {
    let text = eligibility_from_text("Women or men interested in the work");
    let e = with_name_cues("Senior Center", &eligibility_from_text("Age 18 or over"));
    assert!(e.is_none_or(|e| e.populations.is_open()));
    assert!(with_name_cues("Main Library", &text).is_none());
}

#[test]
fn an_unread_sentence_lowers_confidence() {
    let reading = read_eligibility("Age 60 or over. Must be able to climb stairs");
    assert_eq!(reading.coverage, Coverage::Partial);
    let Constraint::Restricted { evidence, value } = &reading.eligibility.age else {
        panic!("age not read");
    };
    assert_eq!(value.min, Some(60.0));
    assert_eq!(evidence.confidence, Confidence::Low);
    assert_eq!(
        reading.eligibility.to_verify,
        ["Must be able to climb stairs"]
    );
}

/// Where a service is located says nothing of where its clients live.
#[rstest]
#[case("Located in the Tenderloin")]
#[case("The clinic will be located in Daly City")]
fn where_a_service_is_restricts_no_one(#[case] text: &str) {
    assert_eq!(
        eligibility_from_text(text).residency.value(),
        None,
        "{text}"
    );
}

#[test]
fn an_unnamed_area_is_an_unknown_residency() {
    let e = eligibility_from_text("Resident of area served, age 18 or over");
    assert!(matches!(e.residency, Constraint::Unknown { .. }));
    assert_eq!(e.age.value().and_then(|a| a.min), Some(18.0));
    for text in [
        "Must be within district boundaries",
        "Resident of catchment area",
        // A ward or district by number is an area no boundary names.
        "Ward 6 residents",
        "Resident of Ward No. 5",
        "Must live in District 3",
        "Resident of area serviced",
        "Live within association boundaries",
        "Centralized intake for 12 counties",
        "Residents of Wards 3 and 4",
        "Hot meals for seniors in Ward 5.",
        "Legal help for tenants in the tri-county area.",
        "Must live within agency catchment area",
        "Service area residents only",
        "We serve anyone living within our parish boundaries",
        "Clients must live in one of the counties in our service area",
        // A generic word names no town, but some town's residents.
        "City resident",
        "Local residents only",
    ] {
        let e = eligibility_from_text(text);
        assert!(matches!(e.residency, Constraint::Unknown { .. }), "{text}");
    }
}

#[test]
fn a_preference_neither_restricts_nor_casts_doubt() {
    // Who comes first among those eligible: the other sentence is read
    // with confidence, and the preference is nothing to verify.
    let reading = read_eligibility(
        "Honorably discharged veteran. Priority given to service-connected or low-income veterans",
    );
    let e = &reading.eligibility;
    assert_eq!(e.populations.value(), Some(&vec![Situation::Veteran]));
    assert_eq!(confidence(&e.populations), Some(Confidence::High));
    assert!(e.income.is_open() && e.to_verify.is_empty(), "{e:?}");
    // "Priorities" of a program are its scope, not a preference.
    let e = eligibility_from_text(
        "Meet federal poverty income guidelines, have a legal problem that falls within case acceptance priorities",
    );
    assert_eq!(e.income.value(), Some(&IncomeLimit::LowIncome), "{e:?}");
    assert!(!e.to_verify.is_empty());
    // An exception for a group widens; it requires no one to be in it (and
    // with non-residents served, no place restricts).
    let e = eligibility_from_text(
        "Resident of California to obtain card. Special arrangements for non-residents or homeless",
    );
    assert!(e.populations.is_open(), "{e:?}");
    assert!(e.residency.is_open(), "{e:?}");
    // A welcome neither.
    let e = eligibility_from_text(
        "Hot meal served weekdays. Seniors welcome as well as limited meals available for disabled adults.",
    );
    assert!(e.populations.is_open(), "{e:?}");
}

#[rstest]
// Ages of the programs within a service: it serves their union.
#[case(
    "Age 55 or over for most programs, age 60 or over for lunch program",
    Some(55.0),
    None
)]
#[case(
    "Age 6-12 for after school, age 13-17 for teen center",
    Some(6.0),
    Some(17.0)
)]
// Across sentences too.
#[case(
    "Age 55 or over for activities; age 60 or over for meals",
    Some(55.0),
    None
)]
#[case(
    "Age 18-65 for MHRC. Age 18-60 for Cordilleras Suites",
    Some(18.0),
    Some(65.0)
)]
// Bare numbers after an age group, in a sentence read in part.
#[case("Shelter for Youths 18-24.", Some(18.0), Some(24.0))]
#[case(
    "Cancer diagnosis, California resident, adults only, must attend panel in person",
    Some(18.0),
    None
)]
// A baby's age in months is not the client's.
#[case(
    "Pregnant or parenting African-American woman age 18 or over with an infant under 3 months",
    Some(18.0),
    None
)]
fn reads_ages_in_sentences_read_in_part(
    #[case] text: &str,
    #[case] min: Option<f64>,
    #[case] max: Option<f64>,
) {
    let e = eligibility_from_text(text);
    let range = e.age.value().copied();
    assert_eq!(range.as_ref().and_then(|r| r.min), min, "{text}: {e:?}");
    assert_eq!(range.and_then(|r| r.max), max, "{text}: {e:?}");
}

#[test]
fn beside_an_open_sentence_hints_are_about_turns() {
    // Who is served first, at which hours, says nothing of who may come.
    let reading = read_eligibility(
        "Anyone willing to stand in line will be served. Families & folks age 60+ or unable to carry a tray: 10-11:30am. All others: 11:30am-1:30pm",
    );
    let e = &reading.eligibility;
    assert!(e.age.is_open() && e.populations.is_open(), "{e:?}");
    let e = eligibility_from_text("Seniors served first");
    assert!(e.populations.is_open() && e.to_verify.is_empty(), "{e:?}");
    // A requirement picked out still holds.
    let e = eligibility_from_text(
        "Anyone will be served. On Saturdays seniors and families pick up at noon, ID required",
    );
    assert!(e.populations.is_open(), "{e:?}");
    assert!(
        e.requirements.iter().any(|r| r.kind == RequirementKind::Id),
        "{e:?}"
    );
}

/// An age stated beside a list of groups is one group's: no age excludes
/// the others with high confidence.
#[rstest]
#[case("Pregnant women and children under 5")]
#[case("Veterans and youth age 16-24")]
#[case("Pregnant women, infants and children under 5")]
#[case("Pregnant women, infants, and children under age 5")]
#[case("Seniors, and children under 5")]
fn an_age_of_one_joined_group_is_not_everyones(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        e.age.value().is_none() || confidence(&e.age) == Some(Confidence::Low),
        "{text}: {e:?}"
    );
}

/// Sentences stating different ages describe different groups: a group one
/// of them names excludes no one with high confidence.
#[rstest]
#[case("Seniors 60+; disabled adults 18-59")]
#[case("Women 18+. Men 21 and over with disabilities.")]
#[case("Girl age 5-17. Adult membership open to age 18 or over")]
fn a_group_beside_differing_ages_is_not_everyones(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        e.populations.value().is_none() || confidence(&e.populations) == Some(Confidence::Low),
        "{text}: {e:?}"
    );
    assert!(
        e.gender.value().is_none() || confidence(&e.gender) == Some(Confidence::Low),
        "{text}: {e:?}"
    );
}

/// An exception to an age ("Can be younger if disabled") leaves no age; a
/// senior's age becomes seniors, one choice beside the groups let in.
#[rstest]
#[case("Age 60 or over. Can be younger if disabled", vec![Situation::Senior, Situation::Disability])]
#[case(
    "Age 62 or over. No age limit for handicapped person",
    vec![Situation::Senior, Situation::Disability]
)]
#[case("Age 62 or over. Can obtain an exemption if younger and diagnosed with dementia", vec![])]
#[case("Age 18 or over. Younger with parent consent.", vec![])]
fn an_age_exception_leaves_no_age(#[case] text: &str, #[case] groups: Vec<Situation>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value(), None, "{text}");
    assert_eq!(
        e.populations.value().map_or(&[][..], Vec::as_slice),
        groups.as_slice(),
        "{text}"
    );
    assert_ne!(confidence(&e.populations), Some(Confidence::High), "{text}");
}

/// "Or younger" states an age; it makes no exception.
#[test]
fn or_younger_is_an_age() {
    let e = eligibility_from_text("Youth age 17 or younger. Must live in San Mateo County.");
    assert_eq!(e.age.value(), age(None, Some(17.0)).as_ref());
}

/// A group after a negation ("not currently on parole") is no condition.
#[rstest]
#[case("Age 18-25, not currently on parole or probation, California resident")]
#[case("Must not currently be homeless")]
#[case("Benefits counseling; you do not need to be a veteran")]
fn a_negated_group_restricts_no_one(#[case] text: &str) {
    assert_eq!(
        eligibility_from_text(text).populations.value(),
        None,
        "{text}"
    );
}

/// Groups picked out of prose: a family that is the subject or stacked on a
/// group, a group named in every sentence, the groups a widening sentence
/// adds to one read in part; all hints.
#[rstest]
#[case("Homeless family must be referred by one of IVSN's partner agencies", vec![Situation::Homeless, Situation::FamilyWithChildren])]
#[case("Family that meets low-income requirements and federal preferences guidelines", vec![Situation::FamilyWithChildren])]
#[case(
    "Our attorneys help veterans get the benefits they earned through their military service. We represent low-income veterans, free of charge.",
    vec![Situation::Veteran]
)]
#[case(
    "Age 21 or under, diagnosed deaf or hard of hearing. Also serves multihandicapped, learning and emotionally disabled persons who are deaf",
    vec![Situation::DeafHardOfHearing, Situation::Disability]
)]
// A group with its ages is who is served, not a topic.
#[case(
    "Home visits and classes for teen parents ages 13 to 19. Bus passes are provided.",
    vec![Situation::Parenting]
)]
// A child opening the text, with no other group beside it, is who is served.
#[case(
    "Child referred by public school, private agency, regional center, or physician",
    vec![Situation::Child]
)]
#[case("Child has no vision insurance and is not receiving Medi-Cal", vec![Situation::Child])]
#[case(
    "Child at risk of out-of-home placement due to psychiatric reasons",
    vec![Situation::Child]
)]
#[case("Child diagnosed with a life-threatening illness", vec![Situation::Child])]
#[case("Student enrolled in a community college", vec![Situation::Student])]
fn groups_from_prose_are_hints(#[case] text: &str, #[case] groups: Vec<Situation>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.populations.value(), Some(&groups), "{text}");
    assert_eq!(confidence(&e.populations), Some(Confidence::Low), "{text}");
}

/// "Family law" is a topic, and a child named first is the age group beside
/// a narrower one: neither is read from prose.
#[rstest]
#[case("Family law advice for anyone, call for an appointment")]
#[case("Child in need who attends public school in San Mateo County")]
#[case("Child with severe to profound deafness or hard-of-hearing")]
// Not the text's subject: who registers, in a later sentence.
#[case("Toys for low-income families. Child must be present at pick-up.")]
fn topics_and_age_groups_in_prose_are_no_group(#[case] text: &str) {
    let e = eligibility_from_text(text);
    let groups = e.populations.value().map_or(&[][..], Vec::as_slice);
    assert!(
        !groups.contains(&Situation::FamilyWithChildren) && !groups.contains(&Situation::Child),
        "{text}: {e:?}"
    );
}

/// A condition makes doubtful only the clause it closes (and the one before
/// a clause it opens); about an age, the whole sentence.
#[test]
fn a_condition_is_its_clauses() {
    let e = eligibility_from_text(
        "Low income according to HUD guidelines, must hold title and live in the home, must work alongside volunteers if physically able",
    );
    assert_eq!(e.income.value(), Some(&IncomeLimit::LowIncome), "{e:?}");
    let e = eligibility_from_text(
        "Age 16 or over. Referral required from high school coordinator, if still in high school",
    );
    assert!(e.requirements.is_empty(), "{e:?}");
    let e = eligibility_from_text("Age 60 or over, younger if disabled");
    assert!(e.age.value().is_none(), "{e:?}");
}

/// Adults stacked on a group in a sentence read in part are that group's
/// age (a hint); on one choice among several, that choice's only.
#[rstest]
#[case("Adult parolee from state prison", Some(18.0))]
#[case(
    "Membership open to all US citizens 18 years or over, except agents of foreign governments",
    Some(18.0)
)]
#[case(
    "Frail elderly or disabled adult in need of therapeutic programs",
    None
)]
fn adults_on_a_group_are_its_age(#[case] text: &str, #[case] min: Option<f64>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value().and_then(|a| a.min), min, "{text}: {e:?}");
}

/// A condition that says who may come, or spouses who come along, leave
/// the group read (a hint).
#[rstest]
#[case(
    "Assistance provided if the applicant is a victim of domestic/family violence, sexual assault, or stalking and the DV is related to the legal issue.",
    Some(vec![Situation::DomesticViolenceSurvivor, Situation::CrimeVictim])
)]
#[case(
    "Volunteer attorneys assist veterans and their spouses with wills, living wills, and health care surrogates.",
    Some(vec![Situation::Veteran])
)]
#[case(
    "Applicants can be veterans and their immediate family residing with the veteran.",
    Some(vec![Situation::Veteran])
)]
fn who_may_come_in_a_condition(#[case] text: &str, #[case] groups: Option<Vec<Situation>>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.populations.value(), groups.as_ref(), "{text}");
    assert_ne!(confidence(&e.populations), Some(Confidence::High), "{text}");
}

#[test]
fn an_age_beside_their_spouses_restricts_no_one() {
    let e = eligibility_from_text("Age 60 or over and their spouses");
    assert!(e.age.value().is_none(), "{e:?}");
}

/// A focus or a preference names who comes first, not who may come.
#[rstest]
#[case("Anyone, especially veterans")]
#[case("Veterans preferred")]
#[case("Primarily serves women")]
fn a_focus_restricts_no_one(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        e.populations.is_open() && e.gender.is_open(),
        "{text}: {e:?}"
    );
}

/// A price names no one who may come.
#[test]
fn a_price_for_a_group_restricts_no_one() {
    let e = eligibility_from_text("MediCal, MediCare, uninsured people $0-full bill");
    assert_eq!(e.populations.value(), None, "{e:?}");
}

/// Conditions that are not the client's restrict nothing: a volunteer's,
/// an exception made case by case, a sub-program's, a price. (The client's
/// own age beside them still counts.)
#[rstest]
#[case(
    "Nonprofit organization serving the poor. Jesuit volunteers must be age 21 or over",
    None
)]
#[case(
    "Age 18-27. Physically disabled services on a case-by-case basis",
    age(Some(18.0), Some(27.0))
)]
#[case("For CCB scholarships: resident of California and legally blind", None)]
#[case("Age 16 or over for other services", None)]
#[case(
    "Primary care. Free for homeless San Franciscans. Call for appointment.",
    None
)]
#[case("Sliding scale (free to homeless)", None)]
fn others_conditions_restrict_no_one(#[case] text: &str, #[case] own_age: Option<AgeRange>) {
    let e = eligibility_from_text(text);
    assert_eq!(e.populations.value(), None, "{text}");
    assert_eq!(e.residency.value(), None, "{text}");
    assert_eq!(e.age.value(), own_age.as_ref(), "{text}");
}

/// People from elsewhere served too: no place restricts.
#[test]
fn outsiders_served_leave_no_residency() {
    let text = "Resident of California to obtain a free library card or six month limited card for out of state residents";
    assert_eq!(eligibility_from_text(text).residency.value(), None);
}

/// Beside a sentence about the family, a child's age is the child's.
#[rstest]
#[case("Child must be age 19 or under. Family must live at least 50 miles away")]
#[case(
    "Child must be age 17 or under at time of disappearance. Searcher must be a parent or custodian."
)]
fn a_childs_age_beside_the_family_is_the_childs(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Child), "{text}");
}

/// "Women, infants and children" lists groups; it restricts no gender.
#[test]
fn women_listed_with_children_is_not_a_gender() {
    let e = eligibility_from_text("Women, infants and children");
    assert!(e.gender.value().is_none(), "{e:?}");
}

#[test]
fn a_quota_restricts_no_one() {
    // A sentence may open with a number; its quota ("reserved for")
    // is a preference, and the first sentence's age is still read.
    let e = eligibility_from_text(
        "Child age 5 or under living in the area served. 10% of enrollment reserved for children with disabilities",
    );
    assert!(e.populations.is_open(), "{e:?}");
    assert_eq!(e.age.value().and_then(|a| a.max), Some(5.0));
}

#[test]
fn conflicting_sentences_make_the_dimension_unknown() {
    let e = eligibility_from_text("Age 18 or over. Age 5-12");
    assert!(matches!(e.age, Constraint::Unknown { .. }));
    assert_eq!(e.to_verify, ["Age 18 or over. Age 5-12"]);
}

#[test]
fn decimals_do_not_split_sentences() {
    let e = eligibility_from_text("Age 2.5-14");
    assert!(e.age.is_open());
    assert_eq!(e.to_verify, ["Age 2.5-14"]);
}

/// A text that `pattern` matches from its first token: each required part's
/// first alternative, a number for `#`, an amount for `$#`, a county for
/// `$` and `$c`.
fn sample_of(pattern: &str) -> String {
    pattern
        .split_whitespace()
        .filter(|part| !(part.len() > 1 && part.ends_with('?')))
        .map(|part| match part {
            "#" => "12",
            "$#" => "$12,000",
            "$" | "$c" => "Zorba County",
            "$h" => "$12,000 for 1 person",
            _ => part.split('|').next().unwrap_or(part),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every row of `table` is well formed (each part's alternatives are single
/// tokens, none repeated, a slot never among them: "at or below|under" is
/// three parts, so "below" alone never matched it), and matches its own
/// sample among the rows the index offers at the sample's first token.
fn assert_indexed<R: pattern::Row + Sync>(name: &str, table: &Indexed<R>, rows: &'static [R]) {
    for row in rows {
        for part in row.pattern().split_whitespace() {
            let alts: Vec<&str> = part.trim_end_matches('?').split('|').collect();
            let distinct: std::collections::HashSet<&str> = alts.iter().copied().collect();
            assert!(
                distinct.len() == alts.len() && !alts.contains(&""),
                "{name}: {:?}: part {part:?} repeats or lacks an alternative",
                row.pattern()
            );
            assert!(
                alts.len() == 1 || !alts.iter().any(|a| a.starts_with(['#', '$'])),
                "{name}: {:?}: part {part:?} mixes a slot with words",
                row.pattern()
            );
        }
        let sample = sample_of(row.pattern());
        let tokens = tokenize(&sample);
        assert!(
            match_pattern(row.pattern(), &tokens, 0).is_some(),
            "{name}: {:?} does not match its sample {sample:?}",
            row.pattern()
        );
        assert!(
            table
                .at(&tokens, 0)
                .any(|offered| offered.pattern() == row.pattern()),
            "{name}: {:?} is not offered at {sample:?}",
            row.pattern()
        );
    }
}

#[test]
fn every_row_is_offered_where_it_can_match() {
    assert_indexed("PEOPLE", &PEOPLE_ROWS, PEOPLE);
    assert_indexed("HARM", &HARM_ROWS, HARM);
    assert_indexed("AGE", &AGE_ROWS, AGE);
    assert_indexed("GENDER", &GENDER_ROWS, GENDER);
    assert_indexed("POPULATION", &POPULATION_ROWS, POPULATION);
    assert_indexed("PEOPLES", &PEOPLES_ROWS, &PEOPLES_TABLE);
    assert_indexed("TOPIC_POPULATION", &TOPIC_POPULATION_ROWS, TOPIC_POPULATION);
    assert_indexed("INCOME", &INCOME_ROWS, INCOME);
    assert_indexed("RESIDENCY", &RESIDENCY_ROWS, RESIDENCY);
    assert_indexed("REQUIREMENT", &REQUIREMENT_ROWS, REQUIREMENT);
    assert_indexed("AGENCY", &AGENCY_ROWS, AGENCY);
    assert_indexed("OPEN", &OPEN_ROWS, OPEN);
    assert_indexed("FILLER", &FILLER_ROWS, FILLER);
    assert_indexed("ALSO_FAMILY", &ALSO_FAMILY_ROWS, ALSO_FAMILY);
    assert_indexed("CONNECTOR", &CONNECTOR_ROWS, CONNECTOR);
    assert_indexed("NAME_CUES", &NAME_CUE_ROWS, NAME_CUES);
    assert_indexed("WIDENING", &WIDENING_ROWS, WIDENING);
    assert_indexed("SAME_AS", &sentence::SAME_AS_ROWS, SAME_AS);
}

/// Communities named by a people or a language alone, read in a sentence
/// read whole; never a hint beside words the reader does not know ("Spanish
/// speaking staff" serves anyone).
#[rstest]
#[case("Must be Jewish", true)]
#[case("Must be of Jewish faith", true)]
#[case("Age 18 or over and Swedish speaking", true)]
#[case("Chinese-speaking", true)]
#[case("Spanish speaking staff available", false)]
#[case("Chinese New Year celebration", false)]
fn a_people_or_language_alone_is_a_community(#[case] text: &str, #[case] community: bool) {
    let e = eligibility_from_text(text);
    let want = community.then(|| vec![Situation::CulturalCommunity]);
    assert_eq!(e.populations.value().cloned(), want, "{text}: {e:?}");
}

#[rstest]
#[case(
    "Low-income person without access to health care",
    Situation::Uninsured
)]
#[case(
    "Must be low-income, without Medi-Cal or private dental insurance",
    Situation::Uninsured
)]
#[case("Without Medicaid or private insurance", Situation::Uninsured)]
#[case(
    "Children age 5-22 with autism spectrum or related communication disorder",
    Situation::DevelopmentalDisability
)]
#[case(
    "Woman over 18 with or without children in need of drug treatment",
    Situation::SubstanceUse
)]
fn coverage_autism_and_treatment_wordings(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    assert_eq!(
        e.populations.value().cloned(),
        Some(vec![group]),
        "{text}: {e:?}"
    );
}

/// A runaway text is read up to `MAX_READ_BYTES` (at a sentence's end); the
/// rest is left to verify, and what was read becomes a hint.
#[test]
fn a_runaway_text_is_read_in_part() {
    let filler = "Bring your questions to the front desk. ".repeat(200);
    let text = format!("Women only. {filler}Men only.");
    assert!(text.len() > MAX_READ_BYTES);
    let e = eligibility_from_text(&text);
    assert_eq!(e.gender.value(), Some(&Gender::Female), "{e:?}");
    assert_eq!(confidence(&e.gender), Some(Confidence::Low), "{e:?}");
    let rest = e.to_verify.last().map(String::as_str).unwrap_or_default();
    assert!(rest.ends_with("Men only."), "{rest}");
    assert!(
        rest.len() < text.len() - MAX_READ_BYTES + 100,
        "{}",
        rest.len()
    );
}

/// A cut inside a character or with no sentence end before it stays on a
/// character boundary.
#[test]
fn the_read_limit_is_a_character_boundary() {
    let text = "é".repeat(MAX_READ_BYTES);
    let limit = read_limit(&text);
    assert!(limit <= MAX_READ_BYTES && text.is_char_boundary(limit));
    assert_eq!(limit, MAX_READ_BYTES);
    let odd = format!("a{}", "é".repeat(MAX_READ_BYTES));
    assert_eq!(read_limit(&odd), MAX_READ_BYTES - 1);
}

/// The groups an organization serves are its clients, not a restriction of
/// a service no client is referred to.
#[test]
fn an_agency_only_service_names_no_group() {
    let e = eligibility_from_text("School or agency serving students with disabilities");
    assert!(e.agency_only, "{e:?}");
    assert!(e.populations.is_open(), "{e:?}");
}

/// Income limits per household size, after the words that introduce one
/// limit, are read as a table.
/// A table of annual limits by household size, as the reader builds it.
fn household_table(listed: &[(u32, f64)], each_additional: Option<f64>) -> IncomeLimit {
    IncomeLimit::AnnualByHouseholdSize(HouseholdLimits {
        limits: listed
            .iter()
            .map(|&(size, annual_dollars)| HouseholdLimit {
                size,
                annual_dollars,
            })
            .collect(),
        each_additional,
    })
}

#[rstest]
#[case(
    "Age 62 or over, income cannot exceed $39,600 for 1 person, $45,250 for 2 persons",
    &[(1, 39_600.0), (2, 45_250.0)]
)]
#[case(
    "Income limit of $47,520 for 1 person, $54,300 for a couple",
    &[(1, 47_520.0), (2, 54_300.0)]
)]
#[case(
    "Maximum income: $63,350 per year for a single, $72,400 per year for a couple",
    &[(1, 63_350.0), (2, 72_400.0)]
)]
#[case(
    "Income requirements are $62,000 per year maximum income for single person and $68,000 for a couple",
    &[(1, 62_000.0), (2, 68_000.0)]
)]
#[case("Income limit of $33,075 for a family of 4", &[(4, 33_075.0)])]
#[case(
    "Income guidelines (annual gross): 1 person $19,563; 2 persons $26,438",
    &[(1, 19_563.0), (2, 26_438.0)]
)]
fn reads_income_limits_per_household_size(#[case] text: &str, #[case] want: &[(u32, f64)]) {
    let e = eligibility_from_text(text);
    let limits: Vec<HouseholdLimit> = want
        .iter()
        .map(|&(size, annual_dollars)| HouseholdLimit {
            size,
            annual_dollars,
        })
        .collect();
    assert_eq!(
        e.income.value(),
        Some(&IncomeLimit::AnnualByHouseholdSize(
            HouseholdLimits::listed(limits)
        )),
        "{text}"
    );
    assert_eq!(confidence(&e.income), Some(Confidence::High), "{text}");
}

/// What each additional person adds, in the table's unit: a month's
/// figures make a month's increment.
#[rstest]
#[case(
    "Household income must not exceed: 1 person $1,500/month; 2 people $2,000/month; add $500 for each additional person.",
    &[(1, 18_000.0), (2, 24_000.0)],
    6_000.0
)]
#[case(
    "Income limit of $30,000 for a family of 3 (for more than 3, add $5,000 for each additional dependent)",
    &[(3, 30_000.0)],
    5_000.0
)]
#[case(
    "Income limits: 1 person $30,000, 2 people $40,000; each additional person add $5,000",
    &[(1, 30_000.0), (2, 40_000.0)],
    5_000.0
)]
#[case(
    "Gross monthly household income does not exceed: 1 person $2,000; 2 people $2,500; add $400 per additional member",
    &[(1, 24_000.0), (2, 30_000.0)],
    4_800.0
)]
fn reads_the_increment_per_additional_person(
    #[case] text: &str,
    #[case] listed: &[(u32, f64)],
    #[case] each: f64,
) {
    let e = eligibility_from_text(text);
    assert_eq!(
        e.income.value(),
        Some(&household_table(listed, Some(each))),
        "{text}"
    );
    assert_eq!(confidence(&e.income), Some(Confidence::High), "{text}");
}

/// A price per person is no income limit; one amount stays one limit.
#[rstest]
#[case("Fee: $25 for 1 person, $40 for 2 persons", None)]
#[case(
    "Income cannot exceed $39,600",
    Some(IncomeLimit::AnnualDollars(39_600.0))
)]
fn amounts_per_person_outside_income_words_are_not_limits(
    #[case] text: &str,
    #[case] want: Option<IncomeLimit>,
) {
    assert_eq!(
        eligibility_from_text(text).income.value(),
        want.as_ref(),
        "{text}"
    );
}

/// Beside other sentences, people given a time of day are a section's or
/// a turn's; "a year" after an amount is no time.
#[rstest]
#[case("Hot meals daily. Seniors over 60, breakfast is at 7:30am-8am.", None)]
#[case("Dental care. Homeless dental clinic MTh 8 a.m.", None)]
#[case(
    "Vouchers of up to $5,000 a year help current and former foster youth pay for college. Apply online.",
    Some(vec![Situation::FosterYouth])
)]
fn people_given_a_time_are_a_section(#[case] text: &str, #[case] groups: Option<Vec<Situation>>) {
    let e = eligibility_from_text(text);
    assert!(e.age.value().is_none(), "{text}: {e:?}");
    assert_eq!(e.populations.value(), groups.as_ref(), "{text}: {e:?}");
}

#[rstest]
// A legal status, not papers to bring.
#[case("Women age 18 or over, under court order, legal arrest or warrant")]
#[case("Age 18 or over, under legal arrest, court order, or warrant")]
fn a_court_order_one_is_under_is_no_document(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(
        e.requirements
            .iter()
            .all(|r| r.kind != RequirementKind::CourtPapers),
        "{text}: {e:?}"
    );
}

#[test]
fn concurrent_enrollment_opens_a_colleges_ages() {
    let e = eligibility_from_text("Age 18 or over, concurrent enrollment for high school students");
    assert!(e.age.value().is_none(), "{e:?}");
    assert!(e.populations.value().is_none(), "{e:?}");
}

#[rstest]
// Low income qualifying one alternative of a choice no one is restricted by.
#[case("Low-income family or senior, or person in emergency situation", false)]
#[case("Low-income family or senior", true)]
fn low_income_of_an_unread_choice(#[case] text: &str, #[case] low_income: bool) {
    let e = eligibility_from_text(text);
    assert_eq!(e.income.value().is_some(), low_income, "{text}: {e:?}");
}

#[rstest]
#[case(
    "Gross household income under $2,200/mo",
    IncomeLimit::MonthlyDollars(2200.0)
)]
#[case(
    "Free tax preparation for households that earned $67,000 or less last year",
    IncomeLimit::AnnualDollars(67000.0)
)]
#[case("Income < 60% State Median Income", IncomeLimit::LowIncome)]
#[case("Uninsured; income ≤ 200% FPL", IncomeLimit::PercentOfPoverty(200.0))]
#[case(
    "For people whose household income is below $2,000 per month",
    IncomeLimit::MonthlyDollars(2000.0)
)]
#[case(
    "Homeowners with total household income of $45,000 or less in the prior calendar year",
    IncomeLimit::AnnualDollars(45_000.0)
)]
#[case(
    "Adults who have less than $600 in monthly income",
    IncomeLimit::MonthlyDollars(600.0)
)]
#[case(
    "Homeowners whose household income is below $35,000 a year",
    IncomeLimit::AnnualDollars(35_000.0)
)]
#[case(
    "Household income less than $50,000",
    IncomeLimit::AnnualDollars(50_000.0)
)]
#[case(
    "Gross monthly income not to exceed $1,500",
    IncomeLimit::MonthlyDollars(1500.0)
)]
#[case("Income less than 125% of FPL", IncomeLimit::PercentOfPoverty(125.0))]
#[case("Below poverty level", IncomeLimit::PercentOfPoverty(100.0))]
#[case("Seniors with limited income", IncomeLimit::LowIncome)]
#[case(
    "Must meet EOPS financial and educational criteria",
    IncomeLimit::LowIncome
)]
#[case(
    "Gross annual income not exceeding $45,000",
    IncomeLimit::AnnualDollars(45_000.0)
)]
#[case("Income at or below 60% of the area median", IncomeLimit::LowIncome)]
#[case(
    "Gross monthly income not over $2,500",
    IncomeLimit::MonthlyDollars(2500.0)
)]
#[case(
    "Eligible clients must be residents of Cook County with incomes below 200% of poverty.",
    IncomeLimit::PercentOfPoverty(200.0)
)]
#[case(
    "Gross household income not over 250% FPL",
    IncomeLimit::PercentOfPoverty(250.0)
)]
#[case(
    "Applicants must meet income guidelines of 175% of poverty",
    IncomeLimit::PercentOfPoverty(175.0)
)]
#[case("Age 62 or older; HUD Section 8 income limits", IncomeLimit::LowIncome)]
#[case(
    "Free tax prep for households earning under $54,000",
    IncomeLimit::AnnualDollars(54_000.0)
)]
#[case(
    "Free tax help for anyone who earned under $60,000 last year",
    IncomeLimit::AnnualDollars(60_000.0)
)]
#[case("Income limit 125% of poverty", IncomeLimit::PercentOfPoverty(125.0))]
#[case("Income cap: 400% FPL", IncomeLimit::PercentOfPoverty(400.0))]
#[case(
    "You must be 62 or older and meet the income requirements.",
    IncomeLimit::LowIncome
)]
#[case("Income within HUD's Section 8 guidelines", IncomeLimit::LowIncome)]
#[case("Ages 62+ with low/moderate income", IncomeLimit::LowIncome)]
#[case(
    "Your income must not be more than 300% of the federal poverty level.",
    IncomeLimit::PercentOfPoverty(300.0)
)]
#[case(
    "No min. income; max. income $32,000/yr",
    IncomeLimit::AnnualDollars(32_000.0)
)]
fn reads_more_income_wordings(#[case] text: &str, #[case] want: IncomeLimit) {
    assert_eq!(
        eligibility_from_text(text).income.value(),
        Some(&want),
        "{text}"
    );
}

/// Low income named beside one figure is that figure's name: the figure
/// is the limit, and its own words the evidence.
#[test]
fn low_income_beside_a_figure_is_the_figure() {
    let text = "Free legal help to low-income residents of Whatcom County. Household income must be at or below 200% of the federal poverty guidelines.";
    let e = eligibility_from_text(text);
    assert_eq!(
        e.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(200.0)),
        "{e:?}"
    );
    let Constraint::Restricted { evidence, .. } = &e.income else {
        panic!("not read: {e:?}");
    };
    assert!(
        evidence
            .text
            .as_deref()
            .is_some_and(|t| t.starts_with("Household income")),
        "{e:?}"
    );
}

/// A place's or a program's low income, or a fee's tier, limits no client.
#[rstest]
#[case("Legal help for community groups that serve low-income neighborhoods")]
#[case("Low Income Tax Credit Property issues")]
#[case("Fees start at $10 per session for clients earning under $25,000 a year")]
fn income_that_limits_no_client(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.income.value().is_none(), "{text}: {e:?}");
}

#[rstest]
#[case(
    "Orleans Parish residents with a utility shut-off notice",
    Some("Orleans Parish")
)]
// A compound describing something else, no one's residence.
#[case("HOPWA tenant-based rental assistance", None)]
#[case(
    "Free legal help for tenants in ZIP codes 60619, 60620 and 60621",
    Some("60619")
)]
// Where a court is.
#[case("Represents people charged in Clackamas County courts", None)]
fn parishes_compounds_zip_codes_and_courts(#[case] text: &str, #[case] place: Option<&str>) {
    let e = eligibility_from_text(text);
    let names = e.residency.value().and_then(|names| names.first().cloned());
    assert_eq!(names.as_deref(), place, "{text}: {e:?}");
}

#[rstest]
#[case("Open only to seniors", Situation::Senior)]
#[case("Open only to residents of Maple Grove Apartments", Situation::Member)]
#[case(
    "Open only to students enrolled at Lane Community College",
    Situation::Member
)]
#[case(
    "The pantry is open only to currently enrolled students of Portland Community College",
    Situation::Member
)]
#[case("Men who survived childhood sexual abuse", Situation::CrimeVictim)]
#[case(
    "Represents people charged with a crime who cannot afford a lawyer",
    Situation::JusticeInvolved
)]
#[case(
    "Serves youth ages 12 to 17 who are held at the Juvenile Detention Center",
    Situation::InCustody
)]
#[case("Households who are literally homeless", Situation::Homeless)]
#[case(
    "Substance use disorder diagnosis; Medicaid-eligible",
    Situation::SubstanceUse
)]
#[case(
    "Helps households who are literally homeless or who will lose their housing within 14 days",
    Situation::AtRiskOfHomelessness
)]
#[case(
    "Young people ages 10 to 17 who have been arrested or cited for a first offense",
    Situation::JusticeInvolved
)]
#[case("Registered Democrat", Situation::Member)]
#[case(
    "Palm Beach County residents facing housing eviction",
    Situation::AtRiskOfHomelessness
)]
#[case(
    "Seniors who have been subjected to physical abuse, financial exploitation",
    Situation::CrimeVictim
)]
#[case("People with any criminal history", Situation::JusticeInvolved)]
#[case(
    "Student who has an infant or toddler or is pregnant",
    Situation::Parenting
)]
#[case(
    "Parent, guardian, foster or adoptive parent, caretaker of child",
    Situation::Caregiver
)]
#[case("Primary caregiver of child age 5 or under", Situation::Parenting)]
#[case(
    "Persons with visual or physical impairment, dyslexic or other learning disabilities",
    Situation::Disability
)]
#[case("PLWHA residing in Fulton County", Situation::HivAids)]
#[case("TAY experiencing homelessness", Situation::Youth)]
#[case("LGBTQIA+ youth ages 13-20", Situation::Lgbtq)]
#[case("Services for gay, bi and trans people", Situation::Lgbtq)]
#[case("Military spouses", Situation::Military)]
#[case("College students at any campus", Situation::Student)]
#[case(
    "Reentry coaching for people released from prison or jail",
    Situation::JusticeInvolved
)]
#[case(
    "Expungement clinic for anyone with an arrest or conviction record",
    Situation::JusticeInvolved
)]
#[case(
    "Leadership program for young people involved with the juvenile justice system",
    Situation::JusticeInvolved
)]
#[case(
    "Day program for people living with schizophrenia, bipolar disorder or severe major depression",
    Situation::SeriousMentalIllness
)]
#[case("Housing navigation for families living in cars", Situation::Homeless)]
#[case(
    "People who are at risk of losing their housing",
    Situation::AtRiskOfHomelessness
)]
#[case(
    "The diabetes classes are free, but you must be enrolled in a Kaiser Permanente health plan",
    Situation::Member
)]
#[case(
    "Food boxes are reserved for members of the congregation",
    Situation::Member
)]
// A profile may say either of a foster parent: both, as a hint.
#[case("Licensed foster and kinship parents", Situation::Caregiver)]
#[case("Licensed foster and kinship parents", Situation::Parenting)]
#[case("Must be a parent or legal guardian", Situation::Parenting)]
#[case("Women 18+ fleeing DV", Situation::DomesticViolenceSurvivor)]
#[case(
    "Age birth-18 without health, dental or vision insurance",
    Situation::Uninsured
)]
// Wordings beyond the sets, from probing (stop 22).
#[case("People living on the street or in shelters", Situation::Homeless)]
#[case("Living in a shelter or car", Situation::Homeless)]
#[case("Person addicted to drugs or alcohol", Situation::SubstanceUse)]
#[case("Foreign-born resident", Situation::Immigrant)]
#[case("Service members and their families", Situation::Military)]
#[case("Teenager", Situation::Youth)]
#[case("Grandparent raising grandchildren", Situation::Caregiver)]
#[case("Person who uses a wheelchair", Situation::PhysicalDisability)]
#[case("Youth emancipating from foster care", Situation::FosterYouth)]
#[case(
    "Transitional housing for veterans. Must be clean and sober 30 days.",
    Situation::InRecovery
)]
// From synthetic 7's misses (stop 22).
#[case("Member of Congregation Beth Am", Situation::Member)]
#[case("Member of St. Anne's parish", Situation::Member)]
#[case("Foster parents in San Mateo County", Situation::Caregiver)]
#[case(
    "Person facing eviction or behind on rent",
    Situation::AtRiskOfHomelessness
)]
#[case(
    "Drop-in center for homeless and marginally housed people",
    Situation::AtRiskOfHomelessness
)]
#[case("Alcohol and/or drug problem; must be 18+", Situation::SubstanceUse)]
#[case("Must be 18+ with opioid dependence", Situation::SubstanceUse)]
#[case("First-time offenders", Situation::JusticeInvolved)]
#[case("TAY only", Situation::Youth)]
// From synthetic 8's misses (stop 22).
#[case("Frail elders living at home", Situation::Senior)]
#[case("DD adults 18+ w/ Medicaid waiver", Situation::DevelopmentalDisability)]
#[case(
    "Must be homeless or at imminent risk",
    Situation::AtRiskOfHomelessness
)]
#[case("Children of incarcerated parents", Situation::Child)]
#[case(
    "Persons being released from jail or prison within 90 days",
    Situation::InCustody
)]
#[case("Must be enrolled in a GED program", Situation::Student)]
#[case(
    "Free showers for people living outside or in their vehicles.",
    Situation::Homeless
)]
#[case(
    "For people who are intoxicated or in withdrawal",
    Situation::SubstanceUse
)]
// From synthetic 9's misses (stop 22).
#[case("Youth detained at the juvenile justice campus", Situation::InCustody)]
#[case("DV/IPV survivor of any gender", Situation::DomesticViolenceSurvivor)]
#[case("Grandparent raising grandchild", Situation::Caregiver)]
#[case(
    "Laid-off or dislocated worker; Sacramento County",
    Situation::Unemployed
)]
#[case("Person with AOD problem", Situation::SubstanceUse)]
#[case(
    "Foster or kinship parent; Contra Costa County resident",
    Situation::Caregiver
)]
#[case(
    "Person without legal immigration status, age 18+",
    Situation::Undocumented
)]
#[case(
    "HIV+ individuals only. Must have proof of HIV status.",
    Situation::HivAids
)]
#[case("Grandparents and relatives raising kids", Situation::Caregiver)]
#[case("Tenants of Bayshore Villa Apartments only", Situation::Member)]
#[case("Enrolled in Santa Clara Family Health Plan", Situation::Member)]
#[case(
    "Represents youth held at the Kane County juvenile detention center",
    Situation::InCustody
)]
#[case(
    "Veterans and active-duty service members only; bring DD-214 or military ID.",
    Situation::Veteran
)]
fn reads_more_group_wordings(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    assert!(
        e.populations.value().is_some_and(|g| g.contains(&group)),
        "{text}: {e:?}"
    );
}

#[test]
fn an_adjective_narrows_immigrants() {
    let e = eligibility_from_text("Undocumented immigrants in Santa Clara County");
    assert_eq!(e.populations.value(), Some(&vec![Situation::Undocumented]));
}

#[rstest]
// What a text says does not matter is no condition.
#[case(
    "Children ages 3 to 5 whose family income is below the federal poverty guidelines. Children in foster care qualify regardless of income."
)]
#[case("Started for veterans, it now serves everyone, regardless of military service.")]
// A part's conditions ("some day trips").
#[case(
    "The senior center is open to everyone. Some day trips are limited to members age 55 and up."
)]
fn conditions_that_do_not_matter_are_none(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.income.value().is_none(), "{text}: {e:?}");
    assert!(e.populations.value().is_none(), "{text}: {e:?}");
    assert!(
        e.age.value().is_none_or(|a| a.min != Some(55.0)),
        "{text}: {e:?}"
    );
}

#[test]
fn a_requirement_after_what_is_not_asked_stands() {
    let e = eligibility_from_text("We don't ask for ID, and you must live in Hamilton County");
    assert_eq!(
        e.residency.value(),
        Some(&vec!["Hamilton County".to_owned()]),
        "{e:?}"
    );
}

#[test]
fn a_fee_regardless_of_income_keeps_the_income_limit() {
    let e = eligibility_from_text(
        "Flat fee regardless of income. Max percentage of income standard: 200%",
    );
    assert_eq!(
        e.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(200.0))
    );
}

#[test]
fn who_may_come_after_a_preference() {
    let e = eligibility_from_text(
        "Preference is given to residents of Daly City, but anyone who lives in San Mateo County may apply.",
    );
    assert_eq!(
        e.residency.value(),
        Some(&vec!["San Mateo County".to_owned()]),
        "{e:?}"
    );
}

#[rstest]
// What one need not do is no condition.
#[case(
    "You do not need to show ID or proof of income, and you don't have to live in Hamilton County."
)]
// Beside a program open to all, what the others need is theirs.
#[case("Food pantry: no eligibility requirements. Rent help: must have an eviction notice.")]
fn what_one_need_not_do_or_another_program_needs(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.requirements.is_empty(), "{text}: {e:?}");
    assert!(e.residency.value().is_none(), "{text}: {e:?}");
}

#[rstest]
// A family's child's age is the child's, whatever the family is called.
#[case("Spanish-speaking families with children under 5", 4.0)]
#[case("Families raising children 12 and under", 12.0)]
#[case("Parents and guardians of babies and toddlers up to age 3", 3.0)]
#[case(
    "Helps working parents pay for licensed child care for children under 13",
    12.0
)]
#[case("Low-income households with children under 6", 5.0)]
// Young people after who cares for them are their children.
#[case("Parents of teens 13-18", 18.0)]
#[case("Guardians of youth ages 12-17", 17.0)]
#[case("Relatives caring for children under 18", 17.0)]
#[case("Adults caring for a child under 5", 4.0)]
#[case("Families with 3-5 year olds", 5.0)]
fn a_familys_childs_age(#[case] text: &str, #[case] max: f64) {
    let e = eligibility_from_text(text);
    let age = e.age.value().copied();
    assert_eq!(age.map(|a| a.of), Some(AgeOf::Child), "{text}: {e:?}");
    assert_eq!(age.and_then(|a| a.max), Some(max), "{text}: {e:?}");
}

#[rstest]
// Priorities, welcomes, histories and exceptions restrict no one.
#[case("Low-income households; seniors and disabled persons prioritized")]
#[case(
    "Our ESL classes were started for immigrants and refugees, but anyone who wants to improve their English can enroll."
)]
#[case(
    "The health center sees all patients regardless of insurance status. A sliding fee scale is available for those without insurance."
)]
#[case("Support circle for people whose loved ones are incarcerated.")]
#[case("Family members of people with mental illness")]
#[case("Family members of persons with HIV")]
#[case("Prescription help for people 65 and older. Caregivers may apply on the person's behalf.")]
#[case("Next Door includes beds reserved for veterans and persons awaiting treatment.")]
fn groups_that_restrict_no_one(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.populations.value().is_none(), "{text}: {e:?}");
}

#[rstest]
#[case("Residents of the county's unincorporated areas", None)]
#[case(
    "Parents/guardians of children 0-3 in ZIP 94601 or 94603",
    Some(vec!["94601".to_owned(), "94603".to_owned()])
)]
#[case(
    "Homeless or at risk of homelessness — Multnomah County",
    Some(vec!["Multnomah County".to_owned()])
)]
#[case("Low-income families in Daly City", Some(vec!["Daly City".to_owned()]))]
#[case(
    "Youth ages 14-21 in East Palo Alto",
    Some(vec!["East Palo Alto".to_owned()])
)]
#[case(
    "Families in Menlo Park or Redwood City",
    Some(vec!["Menlo Park".to_owned(), "Redwood City".to_owned()])
)]
#[case(
    "Must have a San Francisco address",
    Some(vec!["San Francisco".to_owned()])
)]
#[case("Must have a local address", None)]
#[case("Must live in the school district", None)]
#[case("Must live within 5 miles of the center", None)]
#[case("Anyone living in Alameda County", Some(vec!["Alameda County".to_owned()]))]
#[case("Parents in Redwood City", Some(vec!["Redwood City".to_owned()]))]
#[case("Senior in Foster City", Some(vec!["Foster City".to_owned()]))]
#[case("Teens in Oakland", Some(vec!["Oakland".to_owned()]))]
#[case(
    "Open to all entrepreneurs in Maricopa County",
    Some(vec!["Maricopa County".to_owned()])
)]
#[case("Bay Area residents", Some(vec!["Bay Area".to_owned()]))]
#[case(
    "Resident of San Mateo County for at least 6 months",
    Some(vec!["San Mateo County".to_owned()])
)]
#[case("Must have lived in Pacifica for 1 year", Some(vec!["Pacifica".to_owned()]))]
#[case(
    "Residents of Belle Haven neighborhood",
    Some(vec!["Belle Haven".to_owned()])
)]
#[case(
    "Must live in Council District 5 (East San Jose)",
    Some(vec!["Council District 5".to_owned()])
)]
#[case(
    "Expectant mothers in Gilroy or Morgan Hill",
    Some(vec!["Gilroy".to_owned(), "Morgan Hill".to_owned()])
)]
#[case(
    "Serves blind and visually impaired persons statewide in Florida",
    Some(vec!["Florida".to_owned()])
)]
// Towns closing a text after a semicolon, beside the people named.
#[case(
    "Youth ages 14 thru 21; Richmond, San Pablo, El Sobrante",
    Some(vec!["Richmond".to_owned(), "San Pablo".to_owned(), "El Sobrante".to_owned()])
)]
#[case(
    "Refugee or asylee resettled in Sacramento County within the last 5 years",
    Some(vec!["Sacramento County".to_owned()])
)]
#[case(
    "Formerly incarcerated men returning to San Diego County",
    Some(vec!["San Diego County".to_owned()])
)]
// A town closing a sentence read whole, after a comma.
#[case(
    "Hard-of-hearing adults age 50 and up, Walnut Creek",
    Some(vec!["Walnut Creek".to_owned()])
)]
#[case(
    "Nonprofit organizations, schools and public agencies in Santa Clara County",
    Some(vec!["Santa Clara County".to_owned()])
)]
#[case(
    "For seniors and disabled adults living in Chinatown SROs.",
    Some(vec!["Chinatown".to_owned()])
)]
#[case(
    "Services are limited to residents of our 8-county service area.",
    None
)]
fn more_residency_wordings(#[case] text: &str, #[case] names: Option<Vec<String>>) {
    let e = eligibility_from_text(text);
    assert!(!e.residency.is_open(), "{text}: {e:?}");
    if let Some(names) = names {
        assert_eq!(e.residency.value(), Some(&names), "{text}: {e:?}");
    }
}

/// The service area and the county however said, and how long: read
/// whole, a named place with confidence (a client outside it is
/// excluded), an unnamed one as a caveat to verify.
#[rstest]
#[case("You must live in the area we serve.", None)]
#[case("For people in the area served", None)]
#[case("You must live in the county.", None)]
#[case("Must live or work in the county", None)]
// A place implied, not named: "Local" is no town.
#[case("Local residents only", None)]
#[case("City residents", None)]
#[case(
    "People who live or work in San Francisco",
    Some(vec!["San Francisco".to_owned()])
)]
#[case("Must have lived in Oakland for six months", Some(vec!["Oakland".to_owned()]))]
#[case(
    "Must be an Oakland resident for at least one year",
    Some(vec!["Oakland".to_owned()])
)]
#[case("For Cook County residents", Some(vec!["Cook County".to_owned()]))]
#[case("Covers Duval County", Some(vec!["Duval County".to_owned()]))]
#[case(
    "Our service area includes Orange, Osceola and Seminole counties",
    Some(vec!["Orange County".to_owned(), "Osceola County".to_owned(), "Seminole County".to_owned()])
)]
#[case(
    "Serving residents of San Mateo County",
    Some(vec!["San Mateo County".to_owned()])
)]
fn residency_wordings_read_whole(#[case] text: &str, #[case] names: Option<Vec<String>>) {
    let e = eligibility_from_text(text);
    assert!(e.to_verify.is_empty(), "{text}: {e:?}");
    match names {
        Some(names) => {
            assert_eq!(e.residency.value(), Some(&names), "{text}: {e:?}");
            assert_eq!(confidence(&e.residency), Some(Confidence::High), "{text}");
        }
        None => assert!(
            matches!(e.residency, Constraint::Unknown { .. }),
            "{text}: {e:?}"
        ),
    }
}

#[test]
fn no_walk_ins_in_other_words_keeps_the_appointment() {
    let e =
        eligibility_from_text("Please call to schedule an appointment; we cannot take walk-ins.");
    assert!(
        e.requirements
            .iter()
            .any(|r| r.kind == RequirementKind::Appointment),
        "{e:?}"
    );
}

#[rstest]
// Tables of limits in prose: sizes in words, "or" between entries.
#[case(
    "Annual income limits are $38,950 for one person and $44,500 for two.",
    2,
    44_500.0
)]
#[case(
    "Household income is below $72,000 for one person or $82,250 for two",
    2,
    82_250.0
)]
#[case(
    "Yearly income must be no more than $15,650 for one person, $21,150 for two",
    2,
    21_150.0
)]
#[case(
    "Income limits by household size are $19,563 for 1 person, $26,438 for 2 persons",
    2,
    26_438.0
)]
#[case(
    "Monthly income limits are $1,715 for an individual and $2,320 for a couple",
    2,
    27_840.0
)]
fn reads_income_tables_in_prose(#[case] text: &str, #[case] size: u32, #[case] annual: f64) {
    let e = eligibility_from_text(text);
    assert_eq!(
        e.income.value().and_then(|l| l.annual_for_household(size)),
        Some(annual),
        "{text}: {e:?}"
    );
}

#[test]
fn a_relatives_age_is_not_the_clients() {
    let e = eligibility_from_text("Respite for people caring for a relative age 60 or older");
    assert!(e.age.value().is_none(), "{e:?}");
}

#[rstest]
// A town after people in prose is as often where the service is; a
// language or a program after "in" is no town.
#[case(
    "ECS's shelter provides 24-hour access to shelter for unhoused adults in San Francisco. It has 334 beds."
)]
#[case("Support groups for women in English and Spanish")]
#[case("Children in Head Start")]
#[case("Services for program participants in Redwood City")]
#[case("Must live in Section 8 housing")]
// Capitalized words alone are as often a heading, or topics beside no
// one named.
#[case("Driver's License Restoration")]
#[case("Dissolution of Marriage; Paternity Cases")]
#[case("Probate; Wills; Guardian Advocacy")]
#[case("Need not be a Palo Alto resident")]
fn a_town_where_people_are_is_no_residency(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.residency.value().is_none(), "{text}: {e:?}");
}

/// A household's child under 18 makes a family with children; it sets no
/// age on the client (who would be excluded as an adult).
#[test]
fn a_households_minor_child_is_a_family() {
    let text = "Household with a child under 18";
    let e = eligibility_from_text(text);
    assert_eq!(
        e.populations.value(),
        Some(&vec![Situation::FamilyWithChildren]),
        "{e:?}"
    );
    assert!(e.age.value().is_none_or(|a| a.of == AgeOf::Child), "{e:?}");
}

/// The age of an adult someone cares for is no one's to check: not the
/// client's (the caregiver's), not a child's.
#[rstest]
#[case("Caregivers of adults 60 and older")]
#[case("Caregivers for someone 60 or older")]
#[case("Unpaid caregivers of individuals 18 and older with disabilities")]
fn a_cared_for_adults_age_is_no_ones(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.age.value().is_none(), "{text}: {e:?}");
    assert!(
        e.populations
            .value()
            .is_some_and(|p| p.contains(&Situation::Caregiver)),
        "{text}: {e:?}"
    );
}

/// A household member's age: the client may be anyone in the household.
#[rstest]
#[case("Households with a member over 60")]
#[case("Household must include a person aged 60 or over")]
fn a_household_members_age_is_no_ones(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.age.value().is_none(), "{text}: {e:?}");
}

/// Young people with nobody caring for them named before are the client.
#[test]
fn youth_on_their_own_are_the_client() {
    let e = eligibility_from_text("Youth ages 12-17");
    assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Client), "{e:?}");
}

/// Everyone of some gender served beside others: no one gender only.
#[rstest]
#[case("Women's health clinic; men also seen")]
#[case("Women, men and transgender individuals")]
fn genders_served_together_restrict_no_one(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert!(e.gender.value().is_none(), "{text}: {e:?}");
    assert!(e.populations.value().is_none(), "{text}: {e:?}");
}

/// "X and their families": the family is served too, so nothing stacked on
/// X is sure to be the client's (a woman veteran's husband qualifies).
#[test]
fn and_their_families_weakens_every_stacked_word() {
    let e = eligibility_from_text("Women veterans and their families");
    assert_eq!(confidence(&e.gender), Some(Confidence::Low), "{e:?}");
    assert_eq!(confidence(&e.populations), Some(Confidence::Low), "{e:?}");
}

/// "All ages" opens the ages only: the other sentences' conditions stand.
#[test]
fn all_ages_opens_the_ages_only() {
    let e = eligibility_from_text("Deaf or hard of hearing; all ages");
    assert_eq!(
        e.populations.value(),
        Some(&vec![Situation::DeafHardOfHearing]),
        "{e:?}"
    );
    assert_eq!(confidence(&e.populations), Some(Confidence::High), "{e:?}");
    let e = eligibility_from_text("Seniors 60+; all ages welcome");
    assert!(e.age.value().is_none(), "{e:?}");
    assert!(eligibility_from_text("All ages welcome").is_open());
}

/// Who the clients are and what a service is limited to are no conditions
/// of their own: the sentence is read whole, with high confidence.
#[rstest]
#[case("Clients must be residents of San Francisco")]
#[case("Services limited to residents of Santa Clara County")]
fn a_residency_after_clients_or_services_is_sure(#[case] text: &str) {
    let e = eligibility_from_text(text);
    assert_eq!(
        confidence(&e.residency),
        Some(Confidence::High),
        "{text}: {e:?}"
    );
}

/// A sentence of times and things offered says nothing of who may come: it
/// is still to verify, but casts no doubt on the sentences beside it.
#[rstest]
#[case("Men only. Check in by 7pm.", true)]
#[case("Youth ages 18-24 experiencing homelessness. Drop-in M-F 9-5.", true)]
#[case("Men only. Showers and laundry.", true)]
// Ways in that ask nothing.
#[case("Men only. Walk-ins welcome.", true)]
#[case("Seniors 60+. No appointment necessary.", true)]
#[case("Men only; self-referrals accepted", true)]
#[case("Men only. Wheelchair accessible.", true)]
#[case("Women only. Waiting list varies.", true)]
#[case("Men only. No one turned away for lack of funds.", true)]
// A word that may admit someone, or a name, may bear on who comes.
#[case("Men only. Couples accepted.", false)]
#[case("Men only. Pets allowed.", false)]
#[case("Men only. Colma.", false)]
#[case("Men only. Serves Daly City.", false)]
#[case("Men only. No appointment necessary for seniors.", false)]
fn idle_sentences_cast_no_doubt(#[case] text: &str, #[case] sure: bool) {
    let e = eligibility_from_text(text);
    let want = if sure {
        Confidence::High
    } else {
        Confidence::Low
    };
    let first = confidence(&e.gender).or(confidence(&e.age));
    assert_eq!(first, Some(want), "{text}: {e:?}");
    assert!(!e.to_verify.is_empty(), "{text}: {e:?}");
}

/// Topics dropped as places are still left to verify.
#[test]
fn topics_beside_no_one_named_stay_to_verify() {
    let e = eligibility_from_text("Probate; Wills; Guardian Advocacy");
    assert_eq!(
        e.to_verify,
        ["Probate", "Wills", "Guardian Advocacy"],
        "{e:?}"
    );
}

/// A place stacked on the last of a choice of groups is everyone's: the
/// choice is read, and the place beside it.
#[rstest]
#[case("Veteran or senior resident of Daly City", vec![Situation::Veteran, Situation::Senior], "Daly City")]
#[case(
    "Low income, disabled or senior resident of Contra Costa County",
    vec![Situation::LowIncome, Situation::Disability, Situation::Senior],
    "Contra Costa County"
)]
#[case(
    "Low-income, senior or disabled homeowner in Richmond",
    vec![Situation::LowIncome, Situation::Senior, Situation::Disability],
    "Richmond"
)]
fn a_place_on_a_choice_is_everyones(
    #[case] text: &str,
    #[case] groups: Vec<Situation>,
    #[case] place: &str,
) {
    let e = eligibility_from_text(text);
    assert_eq!(e.populations.value(), Some(&groups), "{text}: {e:?}");
    assert_eq!(
        e.residency.value(),
        Some(&vec![place.to_owned()]),
        "{text}: {e:?}"
    );
}

/// Another verb or construction for a condition the tables know reads as
/// it, and the evidence quotes the words as written.
#[rstest]
#[case("diagnosed with HIV/AIDS", Situation::HivAids)]
#[case(
    "Adults dealing with a substance abuse problem",
    Situation::SubstanceUse
)]
#[case("Must belong to the San Carlos Villagers", Situation::Member)]
#[case("currently held in a jail or prison", Situation::InCustody)]
fn reads_other_wordings_of_a_condition(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    assert_eq!(e.populations.value(), Some(&vec![group]), "{text}");
    let Constraint::Restricted { evidence, .. } = &e.populations else {
        panic!("{text}: no population");
    };
    let quoted = evidence.text.as_deref().unwrap_or_default();
    assert!(
        !quoted.is_empty() && text.contains(quoted),
        "{text}: {quoted}"
    );
}

#[test]
fn a_parents_consent_is_a_formality_however_written() {
    let e = eligibility_from_text("Children ages 6-16 with consent of a parent or guardian");
    assert_eq!(e.age.value(), age(Some(6.0), Some(16.0)).as_ref());
    assert!(e.to_verify.is_empty());
}

/// Residents of an unnamed area, however said: to verify, not a place.
#[rstest]
#[case("Residents of the county")]
#[case("Must live in the service area")]
#[case("Must reside within the association's boundaries")]
fn reads_an_unnamed_area(#[case] text: &str) {
    assert!(
        matches!(
            eligibility_from_text(text).residency,
            Constraint::Unknown { .. }
        ),
        "{text}"
    );
}

/// Data-entry abbreviations and plain words to the client read as the
/// field wordings they stand for.
#[rstest]
#[case("Foster City res. only", &["Foster City"])]
#[case("California res.", &["California"])]
#[case("You must live in San Mateo County.", &["San Mateo County"])]
fn reads_residency_however_written(#[case] text: &str, #[case] expected: &[&str]) {
    let e = eligibility_from_text(text);
    let want: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(e.residency.value(), Some(&want), "{text}");
}

#[test]
fn an_abbreviations_point_ends_a_sentence_only_before_one() {
    // "res." closes its sentence here: the children's age is their own.
    let e = eligibility_from_text("Service area res. Children 17 and under");
    assert_eq!(e.age.value(), age(None, Some(17.0)).as_ref());
    assert!(matches!(e.residency, Constraint::Unknown { .. }));
}

#[rstest]
#[case("You can get help if you have a disability.", Situation::Disability)]
#[case(
    "This program is for families with low incomes.",
    Situation::FamilyWithChildren
)]
#[case("Adults w/o insurance", Situation::Uninsured)]
#[case(
    "You can join if you want to stop using drugs and alcohol.",
    Situation::SubstanceUse
)]
#[case("You are living with HIV or AIDS.", Situation::HivAids)]
#[case(
    "You are at risk of losing your housing.",
    Situation::AtRiskOfHomelessness
)]
fn reads_plain_words_to_the_client(#[case] text: &str, #[case] group: Situation) {
    let e = eligibility_from_text(text);
    assert!(
        e.populations.value().is_some_and(|g| g.contains(&group)),
        "{text}: {:?}",
        e.populations
    );
}

#[test]
fn a_wish_to_stop_gambling_names_no_group() {
    assert!(
        eligibility_from_text("Desire to stop gambling")
            .populations
            .value()
            .is_none()
    );
}

#[test]
fn if_you_are_stays_a_condition() {
    let e =
        eligibility_from_text("If you are uninsured, they will try to enroll you in HealthySF.");
    assert!(e.populations.value().is_none(), "{:?}", e.populations);
}

#[test]
fn documents_to_bring_if_you_have_them_are_no_requirement() {
    let e = eligibility_from_text("Bring ID and proof of income if you have them.");
    assert!(e.requirements.is_empty(), "{:?}", e.requirements);
}
