//! scratch probe
use carenav_core::text::{eligibility_from_text, schedules_from_text};
#[test]
fn probe() {
    for l in ["a senior (60 years or older)", "living with HIV/AIDS", "a survivor of abuse or crime (domestic violence, trafficking, sexual assault, gun violence)", "living with a disability", "an immigrant to the U.S. or undocumented", "a non-profit organization or small business", "a veteran, active duty military or have had military service", "homeless or at risk of homelessness", "a youth (17 years or younger)", "in jail or prison"] {
        println!("{l}\n   => {:?}", eligibility_from_text(l));
    }
    for h in ["Sunday: Closed Monday: 8:30-12:00 , 13:00-17:00  Tuesday: 8:30-12:00 , 13:00-17:00  Wednesday: 8:30-12:00 , 13:00-17:00  Thursday: 8:30-12:00 , 13:00-17:00  Friday: 8:30-12:00 , 13:00-17:00  Saturday: Closed", "Sunday: Closed Monday: 9:00-5:00  Tuesday: 9:00-17:00  Saturday: Closed", "Open 24 hours, 7 days a week", "24/7", "Daily, 24 hours", "Repeats every month on the third Tuesday 100 times. Tuesday, January 15, 2019 - 5:00pm to 7:00pm"] {
        println!("{h}\n   => {:?}", schedules_from_text(h));
    }
}
