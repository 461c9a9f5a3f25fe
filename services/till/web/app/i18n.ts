// The screens' words: the kit's English and Bahasa Indonesia (web/kit/i18n.ts), and here the
// few that only the screens say (labels of this app's own fields and buttons), in the same two
// languages and the same {param} form. Bahasa Indonesia unless the till was switched; the
// choice is kept on the till.
import { signal } from '@preact/signals';
import { preferredLanguage, translate, type Language, type MessageKey, type MessageParams } from '../kit/i18n.ts';
import { readKv, writeKv } from './db.ts';
import { officeEn, officeId } from './office-words.ts';

const en = {
  ...officeEn,
  'banner.waiting': '{count} waiting to upload',
  'banner.online': 'Online',
  'attention.open': 'Show unsent sales',
  'unsent.title': 'Sales not yet on the server',
  'unsent.waiting': 'Waiting to upload ({count})',
  'unsent.none': 'None.',
  'error.unreachableRetry': 'No answer from the server. Try again: nothing is charged twice.',
  'error.refused': 'Refused: {code}',
  'error.outOfStock': 'Out of stock: change the cart.',
  'register.intro': 'Once per device: a manager signs in here and names this till.',
  'register.managerEmail': 'Manager email',
  'register.managerPassword': 'Manager password',
  'register.code': 'Till code (A–Z, 0–9, -)',
  'register.outlet': 'Outlet',
  'register.name': 'Till name (optional)',
  'register.notManager': 'Only a manager can register a till.',
  'register.codeTaken': 'That till code is taken.',
  'login.email': 'Email',
  'login.offline': 'Signing in needs the server, which cannot be reached.',
  'search.title': 'Find',
  'search.results': 'Products found',
  'scan.whilePaying': 'Scanned {code} while paying: go back to the cart (Esc) to add it.',
  'scan.misread': 'Could not read {code}: scan again.',
  'cart.title': 'Cart',
  'cart.added': 'Added {name}',
  'cart.item': 'Item',
  'cart.amount': 'Amount',
  'cart.quantityOf': 'Quantity of {name}',
  'cart.unitOf': 'Unit of {name}',
  'cart.removeOf': 'Remove {name}',
  'weigh.title': 'Weigh {name}',
  'weigh.add': 'Add',
  'tender.taken': 'Paid so far',
  'tender.goOffline': 'The server cannot be reached: go on with this sale on the till (cash or paid elsewhere).',
  'tender.due': 'Due',
  'tender.amount': 'Amount',
  'tender.back': 'Back to the cart',
  'tender.local': 'Offline: cash and paid elsewhere only; the sale is kept on this till and uploaded later.',
  'tender.localUnreachable': 'The server did not answer: the sale goes on offline (cash and paid elsewhere).',
  'tender.checkingOut': 'Making the order…',
  'tender.otherOpen': 'Another payment request is open.',
  'tender.chargeEnded': 'The payment request ended unpaid. Make a new one or take another tender.',
  'tender.escAgain': 'Press Esc again to cancel the open payment request.',
  'cash.quick': 'Quick cash',
  'cash.partial': 'Still due after this: {amount}',
  'cash.take': 'Take cash',
  'snap.code': 'QR code of the payment link',
  'qris.show': 'Show the QRIS code',
  'snap.show': 'Make a payment link',
  'qris.expires': 'Expires in {time}',
  'elsewhere.take': 'Record paid elsewhere',
  'elsewhere.onTill': 'Paid elsewhere is recorded on this till as a sale of its own.',
  'elsewhere.notNow': 'Part of this order is paid or a request is open: finish it with the other tenders.',
  'elsewhere.switch': 'Record on this till',
  'receipt.title': 'Receipt',
  'receipt.copyTitle': 'Receipt (copy)',
  'receipt.next': 'Next sale',
  'receipt.paper': 'Paper',
  'receipt.choosePrinter': 'Use a receipt printer (serial port)',
  'receipt.printFailed': 'Printing failed ({reason}); the sale is recorded.',
  'tab.title': 'This till is open in another tab',
  'tab.takenTitle': 'Another tab took over this till',
  'tab.text': 'Only one tab can sell at a till. Take over here to go on in this tab; the other one stops.',
  'tab.takeOver': 'Take over here',
} as const;

type ScreenKey = keyof typeof en;

const id: Record<ScreenKey, string> = {
  ...officeId,
  'banner.waiting': '{count} menunggu diunggah',
  'banner.online': 'Online',
  'attention.open': 'Lihat penjualan yang belum terkirim',
  'unsent.title': 'Penjualan yang belum ada di server',
  'unsent.waiting': 'Menunggu diunggah ({count})',
  'unsent.none': 'Tidak ada.',
  'error.unreachableRetry': 'Server tidak menjawab. Coba lagi: tidak ada yang ditagih dua kali.',
  'error.refused': 'Ditolak: {code}',
  'error.outOfStock': 'Stok habis: ubah keranjang.',
  'register.intro': 'Sekali per perangkat: manajer masuk di sini dan memberi nama kasir ini.',
  'register.managerEmail': 'Email manajer',
  'register.managerPassword': 'Kata sandi manajer',
  'register.code': 'Kode kasir (A–Z, 0–9, -)',
  'register.outlet': 'Gerai',
  'register.name': 'Nama kasir (opsional)',
  'register.notManager': 'Hanya manajer yang dapat mendaftarkan kasir.',
  'register.codeTaken': 'Kode kasir itu sudah dipakai.',
  'login.email': 'Email',
  'login.offline': 'Masuk memerlukan server, yang tidak dapat dihubungi.',
  'search.title': 'Cari',
  'search.results': 'Produk yang ditemukan',
  'scan.whilePaying': '{code} dipindai saat pembayaran: kembali ke keranjang (Esc) untuk menambahkannya.',
  'scan.misread': '{code} tidak terbaca: pindai lagi.',
  'cart.title': 'Keranjang',
  'cart.added': '{name} ditambahkan',
  'cart.item': 'Barang',
  'cart.amount': 'Harga',
  'cart.quantityOf': 'Jumlah {name}',
  'cart.unitOf': 'Satuan {name}',
  'cart.removeOf': 'Hapus {name}',
  'weigh.title': 'Timbang {name}',
  'weigh.add': 'Tambah',
  'tender.taken': 'Sudah dibayar',
  'tender.goOffline': 'Server tidak dapat dihubungi: lanjutkan penjualan ini di kasir (tunai atau dibayar di tempat lain).',
  'tender.due': 'Sisa tagihan',
  'tender.amount': 'Jumlah',
  'tender.back': 'Kembali ke keranjang',
  'tender.local': 'Offline: hanya tunai dan dibayar di tempat lain; penjualan disimpan di kasir ini dan diunggah nanti.',
  'tender.localUnreachable': 'Server tidak menjawab: penjualan lanjut secara offline (tunai dan dibayar di tempat lain).',
  'tender.checkingOut': 'Membuat pesanan…',
  'tender.otherOpen': 'Ada permintaan pembayaran lain yang masih terbuka.',
  'tender.chargeEnded': 'Permintaan pembayaran berakhir tanpa dibayar. Buat yang baru atau pakai cara bayar lain.',
  'tender.escAgain': 'Tekan Esc sekali lagi untuk membatalkan permintaan pembayaran.',
  'cash.quick': 'Uang cepat',
  'cash.partial': 'Sisa setelah ini: {amount}',
  'cash.take': 'Terima tunai',
  'snap.code': 'Kode QR tautan bayar',
  'qris.show': 'Tampilkan kode QRIS',
  'snap.show': 'Buat tautan bayar',
  'qris.expires': 'Berakhir dalam {time}',
  'elsewhere.take': 'Catat dibayar di tempat lain',
  'elsewhere.onTill': 'Dibayar di tempat lain dicatat di kasir ini sebagai penjualannya sendiri.',
  'elsewhere.notNow': 'Sebagian pesanan sudah dibayar atau ada permintaan terbuka: selesaikan dengan cara bayar lain.',
  'elsewhere.switch': 'Catat di kasir ini',
  'receipt.title': 'Struk',
  'receipt.copyTitle': 'Struk (salinan)',
  'receipt.next': 'Penjualan berikutnya',
  'receipt.paper': 'Kertas',
  'receipt.choosePrinter': 'Pakai printer struk (port serial)',
  'receipt.printFailed': 'Gagal mencetak ({reason}); penjualan sudah tercatat.',
  'tab.title': 'Kasir ini terbuka di tab lain',
  'tab.takenTitle': 'Tab lain mengambil alih kasir ini',
  'tab.text': 'Hanya satu tab yang dapat berjualan di satu kasir. Ambil alih di sini untuk lanjut di tab ini; tab lain berhenti.',
  'tab.takeOver': 'Ambil alih di sini',
};

export type Key = MessageKey | ScreenKey;
export type { Language };

export const language = signal<Language>('id');
const screens: Record<Language, Record<ScreenKey, string>> = { en, id };
const isScreenKey = (key: Key): key is ScreenKey => key in en;

export function t(key: Key, params: MessageParams = {}): string {
  if (!isScreenKey(key)) return translate(language.value, key, params);
  return screens[language.value][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function use(next: Language): void {
  language.value = next;
  document.documentElement.lang = next;
}

export async function loadLanguage(): Promise<void> {
  use((await readKv<Language>('language')) ?? preferredLanguage(navigator.languages));
}

export async function setLanguage(next: Language): Promise<void> {
  await writeKv('language', next);
  use(next);
}
