/**
 * A pool of researchers as a large conference has them: given names and surnames from many
 * languages (with their diacritics), surnames shared by many people (Wang, Kim, Müller), some middle
 * initials, and every person distinct under the site's author identity (`authorKey`), so the pool
 * size is exactly the number of author pages the site will build.
 */
import { authorKey } from '../../src/lib/authors.ts';
import { Random, WeightedSampler, zipfWeights } from './random.ts';

/** A list written as words; `_` joins the parts of a multi-word surname (Van_Dijk). */
const words = (s: string) =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replaceAll('_', ' '));

/** Surnames roughly from most to least shared; Zipf weights make the head common. */
const SURNAMES = words(`
  Wang Li Zhang Liu Chen Yang Kim Lee Huang Zhao Wu Zhou Park Xu Sun Nguyen Singh Kumar Ma Zhu Hu Guo
  Lin He Gao Luo Smith Choi Jung Müller Tanaka Suzuki Sato Garcia Martínez Rodríguez López González
  Hernández Pérez Sánchez Ramírez Gómez Díaz Fernández Silva Santos Oliveira Pereira Costa Ferreira Alves
  Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Koch Richter Klein Wolf Schröder Neumann
  Braun Krüger Hofmann Zimmermann Jäger Dubois Martin Bernard Lefèvre Moreau Laurent Simon Michel
  Lefebvre Leroy Roux Fournier Girard Bonnet François Mercier Rossi Russo Ferrari Esposito Bianchi
  Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Lombardi Moretti Barbieri
  Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson White Harris
  Thompson Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson
  Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy
  Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson
  Brooks Bennett Gray James Hughes Price Sanders Myers Long Ross Foster Patel Shah Gupta Sharma Mehta
  Iyer Reddy Rao Nair Menon Das Bose Chatterjee Banerjee Mukherjee Ghosh Sen Yamamoto Watanabe Ito
  Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura Hayashi Shimizu Ivanov Smirnov
  Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Kowalski Nowak Wiśniewski Wójcik
  Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Novák Svoboda Dvořák Černý
  Procházka Kučera Veselý Horák Němec Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir
  Arslan Doğan Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen
  Østergaard Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
  Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Papadopoulos
  Georgiou Nikolaidis Dimitriou Cohen Levi Mizrahi Peretz Friedman Ahmed Hassan Ali Mohamed Ibrahim
  Mahmoud Khalil Haddad Nasser Rahman Hossain Karimi Hosseini Rezaei Moradi Tran Le Pham Hoang Phan
  Vu Vo Dang Bui Do Ho Ngo Duong Ly Okafor Adeyemi Okonkwo Mensah Boateng Mwangi Otieno Kamau Van_Dijk
  De_Jong Jansen De_Vries Van_den_Berg Bakker Visser Smit Meijer Mulder Peeters Janssens Maes Jacobs
  Ó_Briain Ní_Bhriain O'Connor O'Brien MacDonald McLeod Fraser`);

/** Given names; those with diacritics exercise the site's author identity (Zoë = Zoe). */
const GIVEN = words(`
  Wei Jing Min Hao Yan Xin Lei Yu Jun Yi Tao Ming Hui Lin Fang Qiang Jie Yue Chen Ying Jiho Minji Seojun
  Hyun Soo Ji Kenji Yuki Haruto Sakura Takumi Aiko Arjun Priya Rahul Ananya Vikram Kavya Rohan Meera
  Aditya Sneha Ravi Lakshmi Anh Minh Linh Thảo Quân Tuấn José María Lucía Sofía Javier Andrés Inés
  Martín Álvaro Joaquín Ramón Begoña João Tomás Gonçalo Conceição Sebastián Valentina Matías Camila
  Jürgen Jörg Günther Uwe Björn Lena Jonas Lukas Anja Katrin Sören Hannah Maximilian François Hélène
  Céline Jérôme Émilie Loïc Amélie Benoît Gaëlle Noël Zoë Chloé Théo Mathéo Léa Giulia Matteo Francesca
  Lorenzo Chiara Niccolò Stefano Elena Alessandro Federica Søren Mads Freja Ørjan Åsa Björk Ingrid Lars
  Astrid Sven Eero Aino Mikko Päivi Jussi Łukasz Małgorzata Paweł Wojciech Agnieszka Michał Zuzanna
  Tomáš Jiří Lucie Ondřej Kateřina Özlem Ayşe Mehmet Çağrı Gökhan Şule İlker Dmitry Olga Sergey Natalia
  Alexei Irina Nikolai Tatiana Yannis Eleni Dimitris Maria Noam Yael Omer Tamar Ahmed Fatima Omar Layla
  Youssef Amira Karim Nour Reza Parisa Ali Sara Chinedu Ngozi Kwame Ama Wanjiru Kofi Amara Tunde
  James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
  Joseph Jessica Thomas Sarah Daniel Karen Matthew Nancy Anthony Emily Mark Emma Paul Olivia Andrew
  Sophia Joshua Isabella Kevin Ava Brian Mia George Charlotte Edward Amelia Ryan Harper Jacob Abigail
  Nathan Grace Samuel Chloe Benjamin Ella Aoife Siobhán Seán Niamh Ciarán Eoin`);

const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

export interface Person {
  /** The name as the person writes it, diacritics included. */
  name: string;
  /** The same name without diacritics, as some records misspell it (Dollár / Dollar). */
  plain: string;
  /** The family name, e.g. "Van Dijk". */
  family: string;
}

/** `count` distinct people, deterministically from the random source. */
export function peoplePool(random: Random, count: number): Person[] {
  const surnames = new WeightedSampler(zipfWeights(SURNAMES.length, 0.9));
  const given = new WeightedSampler(zipfWeights(GIVEN.length, 0.4));
  const keys = new Set<string>();
  const people: Person[] = [];
  let attempts = 0;
  while (people.length < count) {
    if (++attempts > count * 50) throw new Error(`could not draw ${count} distinct names`);
    const middle = random.chance(0.18) ? ` ${random.pick([...INITIALS])}.` : '';
    const family = SURNAMES[surnames.draw(random)] ?? 'Smith';
    const name = `${GIVEN[given.draw(random)]}${middle} ${family}`;
    const key = authorKey(name);
    if (keys.has(key)) continue;
    keys.add(key);
    people.push({ name, plain: name.normalize('NFD').replace(/\p{M}/gu, ''), family });
  }
  return people;
}
