//! Scratch: match a profile against the converted San Mateo directory.
use carenav_core::ClientProfile;
use carenav_hsds::legacy::convert;
use carenav_index::{MatchOptions, ServiceIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let t = std::time::Instant::now();
    let conv = convert(args[2].parse()?, std::path::Path::new(&args[3]))?;
    eprintln!("convert {:?} {:?}", t.elapsed(), conv.directory.counts());
    let t = std::time::Instant::now();
    let index = ServiceIndex::build_in_ram(&conv.directory)?;
    eprintln!("index {:?} docs={}", t.elapsed(), index.len());
    let profile = ClientProfile::from_json(&std::fs::read_to_string(&args[1])?)?;
    let mut options = MatchOptions::default();
    options.explain_exclusions = args.len() > 4;
    let t = std::time::Instant::now();
    let result = index.match_profile(&profile, &options)?;
    eprintln!("match {:?}", t.elapsed());
    println!("{}", serde_json::to_string_pretty(&result)?);
    Ok(())
}
