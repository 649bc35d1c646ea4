/**
 * First-level regions the gazetteer names, kept by hand: GeoNames' admin1 code (so that a region's cities are
 * known), its names and abbreviations (AP style, `Ill.`, `Calif.`), and, where the cities of a region are a
 * poor guide to its middle (Canada's cities sit along its southern border), a point near its geographic centre.
 */
export interface RegionRow {
  readonly country: string;
  readonly admin: string;
  readonly names: readonly string[];
  /** [lat, lon], when set by hand; else the middle of the region's cities. */
  readonly point?: readonly [number, number];
}

// Note: near each state's geographic centre (the cities' middle is far off for Alaska, Florida, Michigan).
const US_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  AL: [32.8, -86.8], AK: [64, -150], AZ: [34.3, -111.7], AR: [34.9, -92.4], CA: [37, -120], CO: [39, -105.5], CT: [41.6, -72.7],
  DE: [39, -75.5], DC: [38.9, -77.03], FL: [28.1, -81.6], GA: [33, -83.5], HI: [20.8, -156.3], ID: [44.2, -114.6], IL: [40, -89],
  IN: [40, -86.3], IA: [42, -93.5], KS: [38.5, -98], KY: [37.5, -85], LA: [31, -92], ME: [45.4, -69.2], MD: [39, -76.7],
  MA: [42.3, -71.8], MI: [44.3, -85.4], MN: [46.3, -94.3], MS: [32.7, -89.7], MO: [38.4, -92.5], MT: [47, -109.6], NE: [41.5, -99.8],
  NV: [39.3, -116.6], NH: [43.7, -71.6], NJ: [40.1, -74.7], NM: [34.4, -106.1], NY: [43, -75], NC: [35.5, -79.4], ND: [47.5, -100.5],
  OH: [40.3, -82.8], OK: [35.5, -97.5], OR: [44, -120.5], PA: [41, -77.5], RI: [41.7, -71.5], SC: [33.9, -80.9], SD: [44.4, -100.2],
  TN: [35.9, -86.4], TX: [31, -100], UT: [39.3, -111.7], VT: [44, -72.7], VA: [37.5, -78.8], WA: [47.5, -120.5], WV: [38.6, -80.6],
  WI: [44.5, -89.5], WY: [43, -107.5],
};
const us = (admin: string, name: string, ...abbreviations: string[]): RegionRow => ({ country: 'US', admin, names: [name, ...abbreviations], ...(US_CENTRES[admin] ? { point: US_CENTRES[admin] } : {}) });

/** The US states and the District of Columbia, with their AP abbreviations. */
export const US_STATES: readonly RegionRow[] = [
  us('AL', 'Alabama', 'Ala.'), us('AK', 'Alaska'), us('AZ', 'Arizona', 'Ariz.'), us('AR', 'Arkansas', 'Ark.'),
  us('CA', 'California', 'Calif.', 'Cal.'), us('CO', 'Colorado', 'Colo.'), us('CT', 'Connecticut', 'Conn.'),
  us('DE', 'Delaware', 'Del.'), us('DC', 'District of Columbia', 'D.C.'), us('FL', 'Florida', 'Fla.'),
  us('GA', 'Georgia', 'Ga.'), us('HI', 'Hawaii'), us('ID', 'Idaho'), us('IL', 'Illinois', 'Ill.'),
  us('IN', 'Indiana', 'Ind.'), us('IA', 'Iowa'), us('KS', 'Kansas', 'Kan.', 'Kans.'), us('KY', 'Kentucky', 'Ky.'),
  us('LA', 'Louisiana', 'La.'), us('ME', 'Maine'), us('MD', 'Maryland', 'Md.'), us('MA', 'Massachusetts', 'Mass.'),
  us('MI', 'Michigan', 'Mich.'), us('MN', 'Minnesota', 'Minn.'), us('MS', 'Mississippi', 'Miss.'),
  us('MO', 'Missouri', 'Mo.'), us('MT', 'Montana', 'Mont.'), us('NE', 'Nebraska', 'Neb.', 'Nebr.'),
  us('NV', 'Nevada', 'Nev.'), us('NH', 'New Hampshire', 'N.H.'), us('NJ', 'New Jersey', 'N.J.'),
  us('NM', 'New Mexico', 'N.M.', 'N.Mex.'), us('NY', 'New York', 'N.Y.'), us('NC', 'North Carolina', 'N.C.'),
  us('ND', 'North Dakota', 'N.D.'), us('OH', 'Ohio'), us('OK', 'Oklahoma', 'Okla.'), us('OR', 'Oregon', 'Ore.', 'Oreg.'),
  us('PA', 'Pennsylvania', 'Pa.'), us('RI', 'Rhode Island', 'R.I.'), us('SC', 'South Carolina', 'S.C.'),
  us('SD', 'South Dakota', 'S.D.'), us('TN', 'Tennessee', 'Tenn.'), us('TX', 'Texas', 'Tex.'), us('UT', 'Utah'),
  us('VT', 'Vermont', 'Vt.'), us('VA', 'Virginia', 'Va.'), us('WA', 'Washington', 'Wash.'), us('WV', 'West Virginia', 'W.Va.', 'W.V.'),
  us('WI', 'Wisconsin', 'Wis.', 'Wisc.'), us('WY', 'Wyoming', 'Wyo.'),
];

const at = (country: string, admin: string, names: string[], lat: number, lon: number): RegionRow => ({ country, admin, names, point: [lat, lon] });

/** Regions of other federations and unions whose names news uses, with points near their middles. */
export const OTHER_REGIONS: readonly RegionRow[] = [
  at('CA', '01', ['Alberta', 'Alta.'], 55, -115), at('CA', '02', ['British Columbia', 'B.C.'], 54, -125),
  at('CA', '03', ['Manitoba', 'Man.'], 55, -97), at('CA', '04', ['New Brunswick', 'N.B.'], 46.5, -66.2),
  at('CA', '05', ['Newfoundland and Labrador', 'Newfoundland', 'Nfld.'], 53, -60), at('CA', '07', ['Nova Scotia', 'N.S.'], 45, -63),
  at('CA', '08', ['Ontario', 'Ont.'], 50, -85), at('CA', '09', ['Prince Edward Island', 'P.E.I.'], 46.4, -63.2),
  at('CA', '10', ['Quebec', 'Québec', 'Que.'], 52, -72), at('CA', '11', ['Saskatchewan', 'Sask.'], 55, -106),
  at('CA', '12', ['Yukon'], 63, -135), at('CA', '13', ['Northwest Territories'], 64.8, -124.8), at('CA', '14', ['Nunavut'], 70, -90),
  at('AU', '01', ['Australian Capital Territory', 'ACT'], -35.5, 149), at('AU', '02', ['New South Wales', 'NSW'], -32, 147),
  at('AU', '03', ['Northern Territory'], -20, 133), at('AU', '04', ['Queensland', 'Qld'], -23, 143),
  at('AU', '05', ['South Australia'], -30, 135), at('AU', '06', ['Tasmania'], -42, 146.5),
  at('AU', '07', ['Victoria'], -37, 144.5), at('AU', '08', ['Western Australia'], -26, 121),
  at('GB', 'ENG', ['England'], 52.5, -1.5), at('GB', 'SCT', ['Scotland'], 57, -4),
  at('GB', 'WLS', ['Wales'], 52.3, -3.7), at('GB', 'NIR', ['Northern Ireland'], 54.6, -6.7),
];

/**
 * Larger regions named by their capital city (GeoNames' admin1 code is read from the capital): Chinese
 * provinces, Indian states and others news often names. Their point is the middle of their cities.
 */
export const REGIONS_BY_CAPITAL: ReadonlyArray<readonly [country: string, name: string, capital: string]> = [
  ['CN', 'Guangdong', 'Guangzhou'], ['CN', 'Hubei', 'Wuhan'], ['CN', 'Sichuan', 'Chengdu'], ['CN', 'Yunnan', 'Kunming'],
  ['CN', 'Hunan', 'Changsha'], ['CN', 'Henan', 'Zhengzhou'], ['CN', 'Shandong', 'Jinan'], ['CN', 'Jiangsu', 'Nanjing'],
  ['CN', 'Zhejiang', 'Hangzhou'], ['CN', 'Fujian', 'Fuzhou'], ['CN', 'Anhui', 'Hefei'], ['CN', 'Jiangxi', 'Nanchang'],
  ['CN', 'Guangxi', 'Nanning'], ['CN', 'Guizhou', 'Guiyang'], ['CN', 'Hebei', 'Shijiazhuang'], ['CN', 'Shanxi', 'Taiyuan'],
  ['CN', 'Shaanxi', "Xi'an"], ['CN', 'Gansu', 'Lanzhou'], ['CN', 'Qinghai', 'Xining'], ['CN', 'Xinjiang', 'Ürümqi'],
  ['CN', 'Tibet', 'Lhasa'], ['CN', 'Inner Mongolia', 'Hohhot'], ['CN', 'Heilongjiang', 'Harbin'], ['CN', 'Jilin', 'Changchun'],
  ['CN', 'Liaoning', 'Shenyang'], ['CN', 'Hainan', 'Haikou'], ['CN', 'Ningxia', 'Yinchuan'],
  ['IN', 'Kerala', 'Thiruvananthapuram'], ['IN', 'Tamil Nadu', 'Chennai'], ['IN', 'Karnataka', 'Bengaluru'], ['IN', 'Maharashtra', 'Mumbai'],
  ['IN', 'Gujarat', 'Gandhinagar'], ['IN', 'Rajasthan', 'Jaipur'], ['IN', 'Uttar Pradesh', 'Lucknow'], ['IN', 'Bihar', 'Patna'],
  ['IN', 'West Bengal', 'Kolkata'], ['IN', 'Odisha', 'Bhubaneswar'], ['IN', 'Orissa', 'Bhubaneswar'], ['IN', 'Assam', 'Dispur'],
  ['IN', 'Punjab', 'Chandigarh'], ['IN', 'Madhya Pradesh', 'Bhopal'], ['IN', 'Andhra Pradesh', 'Hyderabad'],
  ['PK', 'Sindh', 'Karachi'], ['PK', 'Balochistan', 'Quetta'],
  ['ID', 'Bali', 'Denpasar'], ['ID', 'Papua', 'Jayapura'],
  ['BR', 'São Paulo', 'São Paulo'], ['BR', 'Rio de Janeiro', 'Rio de Janeiro'], ['BR', 'Amazonas', 'Manaus'],
  ['MX', 'Jalisco', 'Guadalajara'], ['MX', 'Veracruz', 'Xalapa'], ['MX', 'Chiapas', 'Tuxtla Gutiérrez'], ['MX', 'Oaxaca', 'Oaxaca'],
  ['MX', 'Nuevo León', 'Monterrey'], ['MX', 'Baja California', 'Mexicali'], ['MX', 'Yucatán', 'Mérida'],
  ['DE', 'Bavaria', 'Munich'], ['DE', 'Saxony', 'Dresden'], ['DE', 'Lower Saxony', 'Hanover'],
  ['IT', 'Lombardy', 'Milan'], ['IT', 'Sicily', 'Palermo'], ['IT', 'Tuscany', 'Florence'], ['IT', 'Sardinia', 'Cagliari'],
  ['ES', 'Catalonia', 'Barcelona'], ['ES', 'Andalusia', 'Seville'],
  ['RU', 'Chechnya', 'Grozny'], ['NG', 'Lagos State', 'Ikeja'], ['NG', 'Kano State', 'Kano'],
  ['TH', 'Phuket', 'Phuket'], ['VN', 'Quang Ninh', 'Hạ Long'],
  ['MX', 'Guerrero', 'Chilpancingo'], ['MX', 'Sonora', 'Hermosillo'], ['MX', 'Chihuahua', 'Chihuahua'], ['MX', 'Tamaulipas', 'Ciudad Victoria'],
  ['BR', 'Santa Catarina', 'Florianópolis'], ['BR', 'Rio Grande do Sul', 'Porto Alegre'], ['BR', 'Tocantins', 'Palmas'], ['BR', 'Minas Gerais', 'Belo Horizonte'],
  ['BR', 'Bahia', 'Salvador'], ['BR', 'Pernambuco', 'Recife'], ['BR', 'Paraná', 'Curitiba'], ['BR', 'Ceará', 'Fortaleza'], ['BR', 'Pará', 'Belém'],
  ['ID', 'West Java', 'Bandung'], ['ID', 'East Java', 'Surabaya'], ['ID', 'Central Java', 'Semarang'], ['ID', 'Aceh', 'Banda Aceh'], ['ID', 'North Sumatra', 'Medan'],
  ['NG', 'Zamfara', 'Gusau'], ['NG', 'Borno', 'Maiduguri'], ['NG', 'Kaduna', 'Kaduna'],
  ['DE', 'Thuringia', 'Erfurt'], ['DE', 'Saxony-Anhalt', 'Magdeburg'], ['DE', 'Hesse', 'Wiesbaden'], ['DE', 'Brandenburg', 'Potsdam'],
  ['DE', 'Baden-Württemberg', 'Stuttgart'], ['DE', 'North Rhine-Westphalia', 'Düsseldorf'], ['DE', 'Lower Saxony', 'Hannover'],
  ['DE', 'Mecklenburg-Vorpommern', 'Schwerin'], ['DE', 'Schleswig-Holstein', 'Kiel'],
];

/**
 * Counties of England and council areas of Scotland news names, at points near their middles (no admin1 unit:
 * GeoNames' first level in the United Kingdom is the nation).
 */
export const UK_COUNTIES: ReadonlyArray<readonly [names: readonly string[], lat: number, lon: number]> = [
  [['Surrey'], 51.25, -0.4], [['Suffolk'], 52.2, 1.0], [['Norfolk'], 52.65, 1.0], [['Kent'], 51.2, 0.7], [['Essex'], 51.8, 0.6],
  [['West Sussex'], 50.93, -0.46], [['East Sussex'], 50.9, 0.3], [['Sussex'], 50.93, -0.1], [['Devon'], 50.7, -3.8], [['Cornwall'], 50.4, -4.9],
  [['Dorset'], 50.8, -2.3], [['Somerset'], 51.1, -3.0], [['Wiltshire'], 51.3, -1.9], [['Hampshire'], 51.05, -1.3], [['Berkshire'], 51.45, -1.1],
  [['Oxfordshire'], 51.8, -1.3], [['Gloucestershire'], 51.8, -2.2], [['Hertfordshire'], 51.8, -0.2], [['Cambridgeshire'], 52.3, 0.05],
  [['Lincolnshire'], 53.1, -0.2], [['Yorkshire'], 54, -1.5], [['North Yorkshire'], 54.2, -1.5], [['West Yorkshire'], 53.75, -1.7],
  [['South Yorkshire'], 53.5, -1.3], [['Lancashire'], 53.8, -2.6], [['Cumbria'], 54.5, -3.0], [['Northumberland'], 55.2, -2.0],
  [['Derbyshire'], 53.1, -1.6], [['Nottinghamshire'], 53.1, -1.0], [['Leicestershire'], 52.7, -1.1], [['Staffordshire'], 52.8, -2.0],
  [['Shropshire'], 52.6, -2.7], [['Cheshire'], 53.2, -2.6], [['Warwickshire'], 52.3, -1.6], [['Worcestershire'], 52.2, -2.2],
  [['Herefordshire'], 52.1, -2.8], [['Northamptonshire'], 52.3, -0.9], [['Buckinghamshire'], 51.8, -0.8], [['Bedfordshire'], 52.05, -0.45],
  [['Greater Manchester'], 53.5, -2.3], [['Merseyside'], 53.4, -2.9], [['West Midlands'], 52.48, -1.9], [['East Anglia'], 52.4, 1.0],
  [['Fife'], 56.25, -3.2], [['Aberdeenshire'], 57.2, -2.7], [['Highlands', 'Scottish Highlands'], 57.5, -5.0], [['Lothian'], 55.9, -3.2],
];

/**
 * Continents and large regions that are no state, at the points their Wikipedia articles give (the
 * convention GeoVirus is scored on; checked against its pages, see the report of the geo work).
 */
export const AREAS: ReadonlyArray<readonly [names: readonly string[], lat: number, lon: number]> = [
  [['Africa'], 7.2, 21.1], [['Asia'], 29.84, 89.29], [['Europe'], 51, 17.5], [['North America'], 54.77, -105.64],
  [['South America'], -14.6, -57.65], [['Latin America'], -10, -65], [['Americas', 'the Americas'], 19, -96], [['Central America'], 13, -86], [['Caribbean', 'the Caribbean'], 15, -75],
  [['Middle East'], 29, 41], [['Oceania'], -25, 140], [['Antarctica'], -82, 0], [['Southeast Asia', 'South East Asia', 'South-East Asia'], 5, 110],
  [['East Africa', 'Eastern Africa'], 0, 37], [['West Africa', 'Western Africa'], 12, -3], [['Southern Africa'], -25, 25], [['North Africa', 'Northern Africa'], 28, 12],
  [['Sub-Saharan Africa'], 0, 20], [['South Asia'], 22, 80], [['East Asia'], 35, 115], [['Central Asia'], 45, 65],
  [['Scandinavia'], 63, 15], [['Balkans', 'the Balkans'], 43, 21], [['Horn of Africa'], 8, 45],
  [['Western Europe'], 50.2, 7.4], [['Eastern Europe'], 50, 30], [['Persian Gulf'], 26, 52], [['Mediterranean', 'Mediterranean Sea'], 35, 18],
  [['Pacific', 'Pacific Ocean'], 0, -160], [['Atlantic', 'Atlantic Ocean'], 0, -25], [['Indian Ocean'], -20, 80], [['Arctic', 'Arctic Ocean'], 80, 0],
];

/** Islands and historical or geographic regions of one country that news names (no admin unit), at points near their middles. */
export const COUNTRY_AREAS: ReadonlyArray<readonly [names: readonly string[], iso3: string, lat: number, lon: number]> = [
  [['Darfur'], 'SDN', 13, 24], [['Java'], 'IDN', -7.5, 110], [['Sumatra'], 'IDN', 0, 102], [['Borneo'], 'IDN', 1, 114],
  [['Luzon'], 'PHL', 16, 121], [['Mindanao'], 'PHL', 8, 125], [['Kashmir'], 'IND', 34, 76], [['Gaza', 'Gaza Strip'], 'PSE', 31.4, 34.4],
  [['West Bank'], 'PSE', 32, 35.25], [['Crimea'], 'UKR', 45, 34], [['Kurdistan'], 'IRQ', 36, 44], [['Patagonia'], 'ARG', -45, -69],
  [['Siberia'], 'RUS', 60, 105], [['Corsica'], 'FRA', 42, 9], [['Hokkaido'], 'JPN', 43.5, 143], [['Honshu'], 'JPN', 36, 138],
  [['Amazon'], 'BRA', -3, -60],
];
