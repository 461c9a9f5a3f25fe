// The till bench's catalogue: product n of a shop's worth of names (brand, goods, variant,
// size) as the catalogue feed sends them. Plain TypeScript: the bench reads it in Node and
// bundles it into the page that stores the products (bench/till.bench.ts).
const BRANDS = ['Indo', 'Sari', 'Mitra', 'Sinar', 'Maju', 'Bintang', 'Sejati', 'Harum', 'Prima', 'Jaya', 'Sentosa', 'Makmur',
  'Rasa', 'Nusantara', 'Merapi', 'Bali', 'Java', 'Sumber', 'Abadi', 'Cahaya', 'Mulia', 'Segar', 'Lestari', 'Anugerah', 'Berkah',
  'Dua Kelinci', 'Kapal', 'Gajah', 'Naga', 'Kuda', 'Sehat', 'Rumah', 'Pelangi', 'Mentari', 'Garuda', 'Asia', 'Delima', 'Kencana',
  'Sakura', 'Melati'];
const GOODS = ['kopi', 'teh', 'gula', 'beras', 'susu', 'roti', 'mie', 'minyak', 'sabun', 'sampo', 'kecap', 'sambal', 'garam',
  'tepung', 'biskuit', 'wafer', 'keripik', 'kacang', 'sirup', 'air mineral', 'jus', 'sarden', 'kornet', 'mentega', 'keju',
  'cokelat', 'permen', 'pasta gigi', 'deterjen', 'pewangi', 'tisu', 'popok', 'bumbu', 'saus', 'margarin', 'santan', 'agar',
  'bihun', 'sosis', 'nugget', 'yogurt', 'es krim', 'kerupuk', 'madu', 'selai', 'sereal', 'oat', 'telur', 'lilin', 'korek'];
const VARIANTS = ['original', 'manis', 'pedas', 'asin', 'gurih', 'goreng', 'rebus', 'rendang', 'soto', 'ayam bawang', 'jeruk',
  'stroberi', 'vanila', 'melon', 'anggur', 'mangga', 'pandan', 'jahe', 'lemon', 'mint', 'hitam', 'putih', 'merah', 'hijau',
  'premium', 'spesial', 'hemat', 'keluarga', 'mini', 'jumbo'];
const SIZES = ['50 g', '85 g', '100 g', '200 g', '250 g', '500 g', '1 kg', '5 kg', '200 ml', '350 ml', '600 ml', '1 l', '1,5 l',
  'isi 5', 'isi 10', 'isi 24'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** EAN-13 with its check digit. */
function ean13(body12: string): string {
  const sum = [...body12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

/** The feed's shape of a product (services/till/web/app/db.ts CatalogueProduct), piece and carton. */
export function benchProduct(run: string, n: number) {
  // Spread over the lists by different strides, so names do not repeat in step with n.
  const name = `${pick(BRANDS, n)} ${pick(GOODS, Math.floor(n / 7) + n)} ${pick(VARIANTS, Math.floor(n / 3) + 11 * n)} ${pick(SIZES, Math.floor(n / 13) + 5 * n)}`;
  const price = 1000 + ((n * 7919) % 199) * 500;
  const barcode = ean13(`8999${String(n).padStart(8, '0')}`); // 899: Indonesia; not a scale label's 2x
  return {
    id: `bench-${run}-${n}`, sku: `B${run.toUpperCase()}-${n}`, name, categoryId: `bench-cat-${n % 40}`, baseUnit: 'pcs',
    taxClass: 'standard' as const, weighed: false,
    units: [{ name: 'pcs', barcode, conversion: 1, price }, { name: 'dus', conversion: 12, price: price * 11 }],
    active: true, productVersion: 1, available: n % 97,
  };
}
