import type { SuccessFactor, SuccessSubFactor } from "./types";

type SubFactorEntry = Omit<SuccessSubFactor, "id">;

/** A factor whose sub-factor ids are built from its number and their letters ("1a"), so they cannot drift. */
function factor(number: number, title: string, subFactors: readonly SubFactorEntry[]): SuccessFactor {
  return {
    number,
    title,
    subFactors: subFactors.map((subFactor) => ({ id: `${number}${subFactor.letter}`, ...subFactor })),
  };
}

/** Annex B: the nine critical success factors, their sub-factors and checklists. */
export const SUCCESS_FACTORS: readonly SuccessFactor[] = [
  factor(1, "Strategic clarity", [
    {
      letter: "a",
      title: "Clear vision",
      statements: [
        "We built our vision together with our partners.",
        "We and all our stakeholders share one clear understanding of our smart city programme's aims.",
        "Our vision is backed by principles we have agreed on how we will cooperate to realise it.",
      ],
    },
    {
      letter: "b",
      title: "Strong business case",
      statements: [
        "We know the outcomes we are after and have set clear measures of success grounded in evidence.",
        "We have measured what today's services across the city cost and how well they perform, so we can judge the programme's effect against that starting point.",
      ],
    },
    {
      letter: "c",
      title: "Focus on results",
      statements: [
        "We concentrate on concrete, practical steps we can take in the short and medium term.",
        "Our programme is already bringing real benefits to residents, businesses and other stakeholders.",
        "We spend nothing on technology until we know which organisational and business changes it must support to serve our vision.",
      ],
    },
  ]),
  factor(2, "Leadership", [
    {
      letter: "a",
      title: "Sustained support",
      statements: [
        "Our political leaders and every partner's senior managers will back the programme over many years.",
      ],
    },
    {
      letter: "b",
      title: "Leadership skills",
      statements: [
        "Our leaders have the skills to steer technology-led change in how the whole city works.",
        "Our leaders can call on outside help, including contact with people leading smart city work in other UK cities and abroad.",
      ],
    },
    {
      letter: "c",
      title: "Collaborative governance",
      statements: [
        "Our city authority's leaders and those of every major partner want the programme to work, and take part in clear, shared governance that handles the main risks and issues.",
        "We are clear, beyond doubt, which partner leads each part of the roadmap.",
      ],
    },
  ]),
  factor(3, "User focus", [
    {
      letter: "a",
      title: "A whole-city view of residents and businesses as customers",
      statements: [
        "We see the users of city services across the whole city and understand their needs group by group.",
        "Our understanding of customers comes from research as well as from analysing city data.",
        "We pool what we know about customers across the city instead of keeping it within separate departments.",
      ],
    },
    {
      letter: "b",
      title: "Customer-centric delivery",
      statements: [
        "Our residents and businesses can reach every public service in the city through one point of access.",
        "We offer that access over several channels, joined up by shared web-based services that give a single view of each customer and avoid duplicated infrastructure.",
        "We actively encourage people to use services online, and help those not yet online to benefit from them.",
      ],
    },
    {
      letter: "c",
      title: "Stakeholder empowerment",
      statements: [
        "We involve customers directly in designing and delivering services.",
        "We open city data to every stakeholder and help them turn it into commercial and public value.",
      ],
    },
  ]),
  factor(4, "Stakeholder engagement", [
    {
      letter: "a",
      title: "Stakeholder communication",
      statements: [
        "Our stakeholders, from users, suppliers and partners across public, private and voluntary organisations to politicians and the media, understand our programme, how to take part in it and what they will gain.",
      ],
    },
    {
      letter: "b",
      title: "Cross-sector partnership",
      statements: [
        "Our programme works well with public bodies, businesses and voluntary organisations.",
        "Our programme brings clear benefits to every group of stakeholders.",
      ],
    },
    {
      letter: "c",
      title: "Engagement with other cities",
      statements: [
        "We work with other cities in an organised way, learning from them and sharing what we have learned.",
      ],
    },
  ]),
  factor(5, "Skills", [
    {
      letter: "a",
      title: "Skills mapping",
      statements: [
        "We have set out the skills our smart city programme needs, with clear plans for gaining and keeping them.",
      ],
    },
    {
      letter: "b",
      title: "Skills integration",
      statements: [
        "We have working arrangements to make the most of the skills of every partner delivering the roadmap.",
      ],
    },
  ]),
  factor(6, "Supplier partnership", [
    {
      letter: "a",
      title: "Smart supplier selection",
      statements: [
        "Our procurement policies follow smart city principles: buying for outcomes, open data, rewards for innovation and collaboration, and no lock-in.",
        "We choose suppliers for long-term value rather than lowest price, above all for how sure we are that they will bring about the business benefits we expect.",
      ],
    },
    {
      letter: "b",
      title: "Supplier integration",
      statements: [
        "Our top managers and those of each strategic supplier run the relationship together, aiming for both sides to gain from serving our vision.",
      ],
    },
  ]),
  factor(7, "Future-proofing", [
    {
      letter: "a",
      title: "Interoperability",
      statements: [
        "We use open standards wherever we can: ones that let systems work together and that the market widely supports.",
      ],
    },
    {
      letter: "b",
      title: "Web-centric delivery",
      statements: [
        "We build on service-oriented architecture (SOA) principles so that every way customers deal with us is supported, from staff meeting them face to face to people serving themselves online.",
      ],
    },
    {
      letter: "c",
      title: "Agility",
      statements: ["We build technology from shared, reusable components so that it can flex and adapt."],
    },
    {
      letter: "d",
      title: "Shared services",
      statements: [
        "We run key components as resources for the whole city, notably shared customer data sets, shared applications with their interfaces, and the city's core ICT infrastructure.",
      ],
    },
    {
      letter: "e",
      title: "Support and maintenance",
      statements: [
        "We have arrangements for supporting and maintaining assets so that, if a stakeholder who built or ran them leaves our city's ecosystem for any reason, someone else takes them over.",
        "We have a way to bring in new stakeholders when valued ones leave our ecosystem or lose interest.",
      ],
    },
  ]),
  factor(8, "Achievable delivery", [
    {
      letter: "a",
      title: "Phased implementation",
      statements: [
        'We do not attempt a "big bang" that depends on a great deal of technical and organisational change happening at once.',
      ],
    },
    {
      letter: "b",
      title: "Continuous improvement",
      statements: [
        "We accept that we will not get everything right at the first attempt, and our systems let us see where we stand, plan, act quickly and learn as we go.",
      ],
    },
    {
      letter: "c",
      title: "Risk management",
      statements: [
        "We understand what our changes will lead to, and we have ways to assess risk, to monitor, to recover and to roll back.",
        "Our programme is reviewed by outside experts at regular intervals.",
      ],
    },
  ]),
  factor(9, "Benefits realisation", [
    {
      letter: "a",
      title: "Benefit mapping",
      statements: [
        "We can trace every part of our work and spending clearly to the strategic outcomes the city is aiming for.",
        "Our major delivery partners each know, in measurable terms, what the programme will bring to them.",
        "Our intended benefits are written into a strategic business case agreed with our partners.",
      ],
    },
    {
      letter: "b",
      title: "Benefit tracking",
      statements: [
        "We have a clear baseline for every benefit, so we know our starting point.",
        "We have agreed measurable success criteria for every benefit our business case names, so we know our destination.",
        "We track progress towards each benefit with an effective set of key performance indicators, so we know how far we have come.",
      ],
    },
    {
      letter: "c",
      title: "Benefit delivery",
      statements: ["Our governance gives every intended outcome a clearly accountable owner."],
    },
  ]),
];
